// Taskpane entry: finds out whether Excel hosts the page (never hangs: see host.ts), builds the
// Office actions for Excel or none for the standalone page, and mounts the React app.

import { createRoot } from "react-dom/client";
import { DEFAULT_PROFILE } from "../core/profile";
import type { TaskpaneEnv } from "./actions";
import { App } from "./App";
import { excelActions } from "./excel/run";
import { detectHost } from "./host";

async function start(): Promise<void> {
  const root = document.getElementById("root");
  if (!root) return;
  const host = await detectHost();
  const env: TaskpaneEnv = { host, excel: host === "excel" ? excelActions() : null };
  document.documentElement.dataset.host = host;
  createRoot(root).render(<App env={env} profile={DEFAULT_PROFILE} />);
}

void start();
