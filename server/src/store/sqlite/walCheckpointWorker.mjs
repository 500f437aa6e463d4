// Checkpoint thread: folds the WAL back into the database file from its own connection, so the disk
// writes and fsyncs of checkpoints never block the event loop that serves phones. PASSIVE checkpoints
// never wait for (or block) the server's readers and writer. Plain JavaScript: workers get no loader.
import { setTimeout } from 'node:timers';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const { file, intervalMs } = workerData;
const db = new Database(file, { fileMustExist: true });
// A checkpoint syncs the WAL before copying it and the database file after (NORMAL and FULL alike), so
// a restarted WAL never overwrites frames whose pages are not yet safely in the database file.
db.pragma('synchronous = FULL');

let stopped = false;
function checkpoint() {
  if (stopped) return;
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (err) {
    parentPort.postMessage({ type: 'error', message: String(err?.message ?? err) });
  }
  setTimeout(checkpoint, intervalMs);
}
setTimeout(checkpoint, intervalMs);

parentPort.on('message', (msg) => {
  if (msg?.type !== 'stop') return;
  stopped = true;
  db.close();
  parentPort.postMessage({ type: 'stopped' });
});
