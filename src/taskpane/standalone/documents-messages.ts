// The messages between the page and its documents worker (documents-client.ts ↔ documents-worker.ts).

import type { DocumentRequest, MadeDocument } from "../../app/documents";
import type { ChunkedList } from "./pool-messages";

/** Page → worker: the consolidation's long lists in chunks (consolidationChunks), then the request with the rest. */
export type ToDocuments =
  | { readonly kind: "chunk"; readonly list: ChunkedList; readonly items: readonly unknown[] }
  | { readonly kind: "make"; readonly id: number; readonly request: DocumentRequest };

/** Worker → page. */
export type FromDocuments =
  | { readonly kind: "made"; readonly id: number; readonly made: MadeDocument }
  /** The document could not be made (as it could not in the page): said to the user. */
  | { readonly kind: "failed"; readonly id: number; readonly message: string };
