// The page's documents worker (documents-client.ts): makes the letters and the report of a
// consolidation off the page's main thread, which 1,000 units' letters held for seconds.

import { makeDocument } from "../../app/documents";
import type { FromDocuments, ToDocuments } from "./documents-messages";
import { ConsolidationJoiner } from "./pool-messages";

interface WorkerScope {
  onmessage: ((event: MessageEvent<ToDocuments>) => void) | null;
  postMessage(message: FromDocuments): void;
}
const scope = globalThis as unknown as WorkerScope;

const joiner = new ConsolidationJoiner();

scope.onmessage = ({ data: message }) => {
  if (message.kind === "chunk") {
    joiner.add(message.list, message.items);
    return;
  }
  const { id, request } = message;
  try {
    const { bytes, ...made } = makeDocument({
      ...request,
      consolidation: joiner.join(request.consolidation),
    });
    const file = bytes ? new Blob([bytes as Uint8Array<ArrayBuffer>], { type: made.mime }) : null;
    scope.postMessage({ kind: "made", id, made, file });
  } catch (e) {
    scope.postMessage({ kind: "failed", id, message: e instanceof Error ? e.message : String(e) });
  }
};
