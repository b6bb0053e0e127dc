// Taskpane entry: mounts the React app (the UI is built in src/taskpane/app).
import { createRoot } from "react-dom/client";

const root = document.getElementById("root");
if (root) createRoot(root).render(<p>KL226</p>);
