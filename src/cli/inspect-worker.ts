// A worker thread of the CLI's pool (parallel.ts): waits for its one message (files, profile, the
// shared counter, a port), then takes file indexes from the counter, reads, hashes and inspects those
// files and posts each outcome on the port; ends when none is left.

import { parentPort } from "node:worker_threads";
import { inspectTaken, type PoolData } from "./parallel";

parentPort?.once("message", (data: PoolData) =>
  inspectTaken(data, (outcome) => data.port.postMessage(outcome)),
);
