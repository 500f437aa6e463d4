// Socket command fuzz from the host and staff sockets (the audience and stage half is its own file, so vitest runs
// the two in parallel workers); see socketFuzz.ts.
import { describeSocketFuzz } from './socketFuzz';

describeSocketFuzz(['host', 'staff']);
