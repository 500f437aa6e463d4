// The host console's store methods on PostgreSQL: not built yet. Reads answer "none", writes refuse with
// a typed NOT_SUPPORTED error, so a cluster runs every other feature and says plainly what it lacks.
import { DrawcastError, ErrorCode } from '@drawcast/shared';
import type { ConsoleStorePart } from '../consoleStore';

function unsupported(what: string): never {
  throw new DrawcastError(
    ErrorCode.NOT_SUPPORTED,
    `${what} is not available on the PostgreSQL store yet (it is on the embedded SQLite store)`,
  );
}

/** Why: the Store interface is whole on every store; this part marks the console's gap on PostgreSQL. */
export function createPgConsolePart(): ConsoleStorePart {
  return {
    insertStaffCredential: async () => unsupported('Staff credentials'),
    getStaffCredentialByHash: async () => null,
    listStaffCredentials: async () => [],
    revokeStaffCredential: async () => unsupported('Staff credentials'),
    setDisqualified: async () => unsupported('Disqualifying from the console'),
    listDisqualified: async () => [],
    searchParticipants: async () => unsupported('Participant search'),
    insertSupportMessage: async () => unsupported('Support messages'),
    answerSupportMessage: async () => unsupported('Support messages'),
    markSupportRead: async () => 0,
    getSupportMessage: async () => null,
    listSupportMessages: async () => [],
    joinHistogram: async () => [],
  };
}
