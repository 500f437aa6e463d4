// Runs importPeople (unzip, XML or CSV parsing, row validation) in a worker thread, so a 100,000-row
// list never holds the event loop that answers joins, clock pings and reveals.
import { Worker } from 'node:worker_threads';
import { DrawcastError } from '@drawcast/shared';
import type { ErrorCode } from '@drawcast/shared';
import type { ImportedRow, ImportOptions, ImportReport, ImportSource } from './importTypes';

/** What the worker is given: the file and every option except the progress callback. */
export interface ImportWorkerInput {
  source: ImportSource;
  options: Omit<ImportOptions, 'onProgress'>;
}

/** What the worker sends back, in order: progress, accepted rows in slices, then done (or why not). */
export type ImportWorkerMessage =
  | { type: 'progress'; done: number; total?: number }
  | { type: 'rows'; rows: ImportedRow[] }
  | { type: 'done'; report: Omit<ImportReport, 'accepted'> }
  | { type: 'refused'; code: ErrorCode; message: string; field: string | undefined }
  | { type: 'failed'; message: string };

/**
 * Same contract as importPeople (whole-file problems throw the same DrawcastError, row problems are
 * in the report), but the work runs in a fresh worker thread that ends with the import.
 */
export function importPeopleInWorker(
  source: ImportSource,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const { onProgress, ...rest } = options;
  const input: ImportWorkerInput = { source, options: rest };
  return new Promise<ImportReport>((resolve, reject) => {
    // The bootstrap registers tsx inside the thread; the parent's own flags are not passed on.
    const worker = new Worker(new URL('./importWorkerBootstrap.mjs', import.meta.url), {
      workerData: input,
      execArgv: [],
    });
    const accepted: ImportedRow[] = [];
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      outcome();
      void worker.terminate();
    };
    worker.on('message', (message: ImportWorkerMessage) => {
      switch (message.type) {
        case 'progress':
          onProgress?.(message.done, message.total);
          break;
        case 'rows':
          for (const row of message.rows) accepted.push(row);
          break;
        case 'done':
          finish(() => resolve({ ...message.report, accepted }));
          break;
        case 'refused':
          finish(() => reject(new DrawcastError(message.code, message.message, message.field)));
          break;
        case 'failed':
          finish(() => reject(new Error(`import failed: ${message.message}`)));
          break;
      }
    });
    worker.on('error', (error) => finish(() => reject(error)));
    worker.on('exit', (code) =>
      finish(() => reject(new Error(`the import worker stopped (exit code ${code}) before it finished`))),
    );
  });
}
