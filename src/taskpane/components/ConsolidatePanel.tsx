// placeholder until consolidation lands
import type { Profile } from "../../core/profile";
import type { ExcelActions } from "../actions";
import type { Strings } from "../i18n";
export function ConsolidatePanel(_props: { strings: Strings; profile: Profile; excel: ExcelActions | null }) {
  return null;
}
