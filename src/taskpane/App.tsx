// The taskpane UI: three tabs (Kiểm tra, Mẫu báo cáo, Tổng hợp) and a language switch. It gets
// the Office actions as props (null standalone), so it renders and tests without Excel.

import { FluentProvider, Select, Tab, TabList, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import { useEffect, useId, useState } from "react";
import type { Profile } from "../core/profile";
import type { TaskpaneEnv } from "./actions";
import { ConsolidatePanel } from "./components/ConsolidatePanel";
import { TemplatePanel } from "./components/TemplatePanel";
import { ValidatePanel } from "./components/ValidatePanel";
import { LOCALES, STRINGS, type Locale } from "./i18n";

type TabId = "validate" | "template" | "consolidate";
const TABS: readonly TabId[] = ["validate", "template", "consolidate"];

const useStyles = makeStyles({
  root: {
    boxSizing: "border-box",
    minWidth: 0,
    maxWidth: "100%",
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    fontFamily: tokens.fontFamilyBase,
    overflowWrap: "anywhere",
  },
  header: { display: "flex", flexWrap: "wrap", alignItems: "flex-start", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  titles: { minWidth: 0, flexGrow: 1, flexBasis: "12rem" },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
  subtitle: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  lang: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  mode: { marginTop: tokens.spacingVerticalXS, marginBottom: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  tabs: { flexWrap: "wrap", marginTop: tokens.spacingVerticalS, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  panel: { paddingTop: tokens.spacingVerticalS },
});

export interface AppProps {
  readonly env: TaskpaneEnv;
  readonly profile: Profile;
  readonly initialLocale?: Locale;
}

export function App({ env, profile, initialLocale = "vi" }: AppProps) {
  const styles = useStyles();
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const [tab, setTab] = useState<TabId>("validate");
  const langId = useId();
  const t = STRINGS[locale];
  useEffect(() => {
    // Screen readers pick their voice from the document language.
    document.documentElement.lang = locale;
  }, [locale]);
  const label: Record<TabId, string> = { validate: t.tabValidate, template: t.tabTemplate, consolidate: t.tabConsolidate };

  return (
    <FluentProvider theme={webLightTheme} lang={locale}>
      <main className={styles.root}>
        <header className={styles.header}>
          <div className={styles.titles}>
            <h1 className={styles.title}>{t.appTitle}</h1>
            <p className={styles.subtitle}>{t.appSubtitle}</p>
          </div>
          <div className={styles.lang}>
            <label htmlFor={langId}>{t.language}</label>
            <Select
              id={langId}
              size="small"
              value={locale}
              data-testid="language"
              onChange={(_e, data) => {
                const next = LOCALES.find((l) => l.id === data.value);
                if (next) setLocale(next.id);
              }}
            >
              {LOCALES.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.label}
                </option>
              ))}
            </Select>
          </div>
        </header>
        <p className={styles.mode} data-testid="host-mode">
          {env.host === "excel" ? t.modeExcel : t.modeStandalone}
        </p>
        <TabList
          className={styles.tabs}
          selectedValue={tab}
          aria-label={t.tabsLabel}
          onTabSelect={(_e, data) => {
            const next = TABS.find((id) => id === data.value);
            if (next) setTab(next);
          }}
        >
          {TABS.map((id) => (
            <Tab key={id} value={id} id={`tab-${id}`} aria-controls={`panel-${id}`} data-testid={`tab-${id}`}>
              {label[id]}
            </Tab>
          ))}
        </TabList>
        {TABS.map((id) => (
          // Panels stay mounted (hidden) so a result survives switching tabs.
          <div key={id} id={`panel-${id}`} role="tabpanel" aria-labelledby={`tab-${id}`} hidden={tab !== id} className={styles.panel}>
            {id === "validate" && <ValidatePanel strings={t} profile={profile} excel={env.excel} />}
            {id === "template" && <TemplatePanel strings={t} profile={profile} excel={env.excel} />}
            {id === "consolidate" && <ConsolidatePanel strings={t} profile={profile} excel={env.excel} />}
          </div>
        ))}
      </main>
    </FluentProvider>
  );
}
