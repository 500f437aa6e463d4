// Worker-thread bootstrap: registers the tsx loader in this thread, then runs the TypeScript worker.
// (Node 20 does not apply `--import tsx` from a worker's execArgv, so the loader is registered here.)
import { register } from 'tsx/esm/api';

register();
await import('./importWorker.ts');
