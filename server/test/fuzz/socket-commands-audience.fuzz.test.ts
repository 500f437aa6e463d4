// Socket command fuzz from a joined phone and a stage socket (host and staff: socket-commands.fuzz.test.ts).
import { describeSocketFuzz } from './socketFuzz';

describeSocketFuzz(['audience', 'stage']);
