// The messages between the page and its documents worker (documents-client.ts ↔ documents-worker.ts).

import type { DocumentRequest, MadeDocument } from "../../app/documents";
import type { ChunkedList } from "./pool-messages";

/** Page → worker: the consolidation's long lists in chunks (consolidationChunks), then the request with the rest. */
export type ToDocuments =
  | { readonly kind: "chunk"; readonly list: ChunkedList; readonly items: readonly unknown[] }
  | { readonly kind: "make"; readonly id: number; readonly request: DocumentRequest };

/** Worker → page. */
export type FromDocuments =
  /**
   * The file as a Blob made here: a Blob of 5 MB made in the page took 65 ms of its thread (it is
   * copied to the browser's store); one made in the worker crosses as a handle.
   */
  | {
      readonly kind: "made";
      readonly id: number;
      readonly made: Omit<MadeDocument, "bytes">;
      readonly file: Blob | null;
    }
  /** The document could not be made (as it could not in the page): said to the user. */
  | { readonly kind: "failed"; readonly id: number; readonly message: string };
