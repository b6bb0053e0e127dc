// The taskpane UI: a compact header (title, where it runs, language), three tabs (Kiểm tra, Mẫu
// báo cáo, Tổng hợp), each with its own remembered profile. It gets the Office actions and the
// settings store as props (null / in-memory in tests), so it renders and tests without Excel.

import {
  FluentProvider,
  Select,
  Tab,
  TabList,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { useEffect, useId, useState } from "react";
import type { TaskpaneEnv } from "./actions";
import { ConsolidatePanel } from "./components/ConsolidatePanel";
import { TemplatePanel } from "./components/TemplatePanel";
import { ValidatePanel } from "./components/ValidatePanel";
import { LOCALES, STRINGS, type Locale } from "./i18n";
import type { SettingsStore } from "./settings";

type TabId = "validate" | "template" | "consolidate";
const TABS: readonly TabId[] = ["validate", "template", "consolidate"];

// At 320 px the header and tabs take about 90 px, so a result starts within the first screen.
const useStyles = makeStyles({
  root: {
    boxSizing: "border-box",
    minWidth: 0,
    maxWidth: "100%",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalM}`,
    fontFamily: tokens.fontFamilyBase,
    overflowWrap: "anywhere",
  },
  header: {
    display: "flex",
    // At 200 % zoom in a 320 px pane the language box goes under the title, which otherwise wrapped
    // one letter a line.
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
  },
  titles: { minWidth: 0, flexGrow: 1, flexBasis: "9rem" },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  mode: {
    margin: 0,
    fontSize: tokens.fontSizeBase100,
    lineHeight: tokens.lineHeightBase100,
    color: tokens.colorNeutralForeground3,
  },
  lang: { flexShrink: 0, width: "7.5rem" },
  tabs: {
    flexWrap: "wrap",
    marginTop: tokens.spacingVerticalXS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  panel: { paddingTop: tokens.spacingVerticalXS },
});

export interface AppProps {
  readonly env: TaskpaneEnv;
  /** Where the profile choices are remembered (settings.ts). */
  readonly store: SettingsStore;
  readonly initialLocale?: Locale;
}

export function App({ env, store, initialLocale = "vi" }: AppProps) {
  const styles = useStyles();
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const [tab, setTab] = useState<TabId>("validate");
  const langId = useId();
  const t = STRINGS[locale];
  useEffect(() => {
    // Screen readers pick their voice from the document language.
    document.documentElement.lang = locale;
  }, [locale]);
  const label: Record<TabId, string> = {
    validate: t.tabValidate,
    template: t.tabTemplate,
    consolidate: t.tabConsolidate,
  };

  return (
    <FluentProvider theme={webLightTheme} lang={locale}>
      <main className={styles.root}>
        <header className={styles.header}>
          <div className={styles.titles}>
            <h1 className={styles.title}>{t.appTitle}</h1>
            <p className={styles.mode} data-testid="host-mode">
              {env.host === "excel" ? t.modeExcel : t.modeStandalone}
            </p>
          </div>
          <Select
            id={langId}
            className={styles.lang}
            size="small"
            value={locale}
            aria-label={t.language}
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
        </header>
        <TabList
          className={styles.tabs}
          size="small"
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
          <div
            key={id}
            id={`panel-${id}`}
            role="tabpanel"
            aria-labelledby={`tab-${id}`}
            hidden={tab !== id}
            className={styles.panel}
          >
            {id === "validate" && <ValidatePanel strings={t} store={store} excel={env.excel} />}
            {id === "template" && <TemplatePanel strings={t} store={store} excel={env.excel} />}
            {id === "consolidate" && <ConsolidatePanel strings={t} store={store} excel={env.excel} />}
          </div>
        ))}
      </main>
    </FluentProvider>
  );
}
