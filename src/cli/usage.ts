// The usage text and the help request, apart from the commands: `kl226 --help` answers without
// loading zod or any command (src/cli/entry.ts).

import { UNIT_TYPES } from "../core/catalogue";

export const USAGE = `Cách dùng:
  kl226 template  --out TỆP.xlsx [--profile P.json] [--unit MÃ --name TÊN --type LOẠI --period 6T|NAM --year NĂM]
  kl226 validate  TỆP.xlsx... [--json] [--profile P.json]
  kl226 consolidate TỆP_HOẶC_THƯ_MỤC... --out TỔNG_HỢP.xlsx [--json BÁO_CÁO.json] [--roster DS.csv|DS.xlsx]
                  [--period 6T|NAM --year NĂM] [--profile P.json] [--letters THƯ_MỤC]
                  [--previous NĂM_TRƯỚC.json|NĂM_TRƯỚC.xlsx ...] (lặp lại cho nhiều năm trước)
                  [--as-unit MÃ --name TÊN --type LOẠI --rollup BÁO_CÁO_LÊN_CẤP_TRÊN.xlsx]
  kl226 demo      [--samples THƯ_MỤC] [--out-dir THƯ_MỤC]
                  (tổng hợp các báo cáo mẫu trong samples/ vào out/tong-hop.xlsx và out/tong-hop.json)

LOẠI: ${UNIT_TYPES.map((t) => `${t.id} (${t.label})`).join(", ")}`;

/** `kl226` alone or `kl226 --help|-h|help`: the exit code of printing the usage (2 when nothing was asked); undefined for a command. */
export function helpExitCode(argv: readonly string[]): number | undefined {
  const name = argv[0];
  if (name === undefined) return 2;
  return name === "--help" || name === "-h" || name === "help" ? 0 : undefined;
}
