// A worker thread of the CLI's pool (parallel.ts): takes file indexes from the shared counter, reads,
// hashes and inspects those files and posts each outcome to the main thread; ends when none is left.

import { workerData } from "node:worker_threads";
import { inspectTaken, type PoolData } from "./parallel";

const data = workerData as PoolData;
inspectTaken(data, (outcome) => data.port.postMessage(outcome));
