// The one place that names the worker scripts: webpack 5 bundles `new Worker(new URL(…, import.meta.url))`
// as a chunk of its own. Jest (CommonJS, no import.meta) maps this module to test/stubs/start-worker.ts.

export function startInspectWorker(): Worker {
  return new Worker(
    /* webpackChunkName: "inspect-worker" */ new URL("./inspect-worker.ts", import.meta.url),
    { name: "kl226-inspect" },
  );
}

export function startDocumentsWorker(): Worker {
  return new Worker(
    /* webpackChunkName: "documents-worker" */ new URL("./documents-worker.ts", import.meta.url),
    { name: "kl226-documents" },
  );
}
