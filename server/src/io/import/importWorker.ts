// Worker-thread entry: reads and validates one imported list off the main event loop (see importInWorker).
import { parentPort, workerData } from 'node:worker_threads';
import { DrawcastError } from '@drawcast/shared';
import { importPeople } from './importPeople';
import type { ImportWorkerInput, ImportWorkerMessage } from './importInWorker';

/** Accepted rows go back in slices, so the main thread never deserialises 100,000 rows in one turn. */
const ROWS_PER_MESSAGE = 2000;

async function run(input: ImportWorkerInput): Promise<void> {
  const post = (message: ImportWorkerMessage) => parentPort?.postMessage(message);
  try {
    const report = await importPeople(input.source, {
      ...input.options,
      onProgress: (done, total) => post({ type: 'progress', done, ...(total !== undefined && { total }) }),
    });
    const { accepted, ...rest } = report;
    for (let i = 0; i < accepted.length; i += ROWS_PER_MESSAGE) {
      post({ type: 'rows', rows: accepted.slice(i, i + ROWS_PER_MESSAGE) });
    }
    post({ type: 'done', report: rest });
  } catch (error) {
    if (error instanceof DrawcastError) {
      post({ type: 'refused', code: error.code, message: error.message, field: error.field });
    } else {
      post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }
}

void run(workerData as ImportWorkerInput);
