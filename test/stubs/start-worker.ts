// Jest stand-in for src/taskpane/standalone/start-worker.ts (import.meta does not exist in CommonJS):
// jsdom has no Web Workers, so the page's in-thread path is the one under test there.

export function startInspectWorker(): Worker {
  throw new Error("Web Workers are not available under jest");
}

export function startDocumentsWorker(): Worker {
  throw new Error("Web Workers are not available under jest");
}
