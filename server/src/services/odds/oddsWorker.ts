// Worker-thread entry: computes exact odds off the main event loop (started by OddsWorkerClient).
import { parentPort } from 'node:worker_threads';
import { oddsByWeight } from '@drawcast/shared';
import type { OddsReply, OddsRequest } from './oddsWorkerClient';

parentPort?.on('message', (request: OddsRequest) => {
  let reply: OddsReply;
  try {
    reply = { id: request.id, odds: oddsByWeight(request.counts, request.k) };
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
