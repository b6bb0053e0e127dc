// The letters and the report made in a Web Worker (documents-worker.ts), so that the page stays
// responsive while they are made: 1,000 units' letters as a .zip held the page ≈ 9 s on a 2-core
// machine, all in the page's one thread. Where no worker can run (a page opened from the disk, a
// worker script that does not load) the page makes them itself, as before: the same bytes.

import type { DocumentRequest, MadeDocument } from "../../app/documents";
import type { FromDocuments, ToDocuments } from "./documents-messages";
import { yieldToBrowser } from "./files";
import { consolidationChunks } from "./pool-messages";
import { startDocumentsWorker } from "./start-worker";
import { workersAvailable } from "./worker-pool";

/** Kept for the page's life once started: it holds nothing between two documents. */
let worker: Worker | null = null;
/** Set when the browser refused to start a worker (a page opened from the disk): not tried again. */
let refused = false;
let nextId = 0;

/** A document made, its file ready to download: a Blob from the worker, bytes from the page. */
export interface MadeFile extends Omit<MadeDocument, "bytes"> {
  /** Null when no unit needs a letter. */
  readonly file: Blob | Uint8Array | null;
}

/**
 * The document `request` asks for, made in the worker; `inPage` makes it in the page when the worker
 * cannot. Rejects with the message of a document that cannot be made, wherever it was made.
 */
export async function makeDocumentOffThePage(
  request: DocumentRequest,
  inPage: () => Promise<MadeDocument>,
): Promise<MadeFile> {
  const page = async (): Promise<MadeFile> => {
    const { bytes, ...made } = await inPage();
    return { ...made, file: bytes };
  };
  const w = documentsWorker();
  if (!w) return page();
  const id = ++nextId;
  const made = await new Promise<MadeFile | null>((resolve, reject) => {
    // A worker whose script did not load (a server updated since the page was opened: README, Cập
    // nhật) is dropped; the page makes the document itself, and the next document tries a new worker.
    const unusable = (why: unknown): void => {
      console.warn("KL226: không dùng được Web Worker lập văn bản; trang tự lập.", why);
      worker = null;
      w.terminate();
      resolve(null);
    };
    w.onmessage = ({ data: m }: MessageEvent<FromDocuments>) => {
      if (m.id !== id) return;
      if (m.kind === "made") resolve({ ...m.made, file: m.file });
      else reject(new Error(m.message));
    };
    w.onerror = (event) => {
      event.preventDefault();
      unusable(event.message);
    };
    w.onmessageerror = unusable;
    // A slice to a task: posting copies it, and the 1,000 units posted in one task made one long task.
    void (async () => {
      try {
        const { chunks, rest } = consolidationChunks(request.consolidation);
        const post = (m: ToDocuments): void => w.postMessage(m);
        for (const chunk of chunks) {
          post({ kind: "chunk", ...chunk });
          await yieldToBrowser();
        }
        post({ kind: "make", id, request: { ...request, consolidation: rest } });
      } catch (e) {
        unusable(e);
      }
    })();
  });
  return made ?? page();
}

function documentsWorker(): Worker | null {
  if (worker || refused || !workersAvailable()) return worker;
  try {
    worker = startDocumentsWorker();
  } catch (e) {
    // A page opened from the disk (file://) may not start workers at all (worker-pool.ts).
    console.warn("KL226: không khởi động được Web Worker lập văn bản; trang tự lập.", e);
    refused = true;
  }
  return worker;
}
