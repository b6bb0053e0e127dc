// Taskpane entry: follows where the page runs (host.ts: waits for Excel however long it takes,
// standalone at once in a plain browser), builds the Office actions for Excel or none for the
// standalone page, picks where choices are remembered, and mounts the React app.

import { createRoot } from "react-dom/client";
import type { ExcelActions, TaskpaneEnv } from "./actions";
import { App } from "./App";
import { Connecting } from "./components/Connecting";
import { excelActions } from "./excel/run";
import { watchHost, type HostState } from "./host";
import { STRINGS } from "./i18n";
import { chooseStore, type SettingsStore } from "./settings";

function start(): void {
  const container = document.getElementById("root");
  if (!container) return;
  const root = createRoot(container);
  let excel: ExcelActions | null = null;
  let store: SettingsStore | null = null;
  const show = (state: HostState): void => {
    document.documentElement.dataset.host = state;
    if (state === "connecting") {
      root.render(<Connecting strings={STRINGS.vi} onUseFiles={() => show("standalone")} />);
      return;
    }
    if (state === "excel") excel ??= excelActions();
    // Office's own store once Excel is there (OfficeRuntime.storage), else the page's localStorage.
    if (store === null || (state === "excel" && store.kind !== "office"))
      store = chooseStore(state === "excel");
    const env: TaskpaneEnv = { host: state, excel: state === "excel" ? excel : null };
    root.render(<App env={env} store={store} />);
  };
  watchHost(show);
}

start();
