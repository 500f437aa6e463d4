// One behavioural contract for every Store implementation: SQLite runs it now, Redis will run it later.
import { describe } from 'vitest';
import { describeAuditContract } from './conformance/audit';
import { describeBonusContract } from './conformance/bonus';
import { describeClaimContract } from './conformance/claims';
import { describeConsoleContract } from './conformance/console';
import { describeEntriesContract } from './conformance/entries';
import { describeEventContract } from './conformance/events';
import { createConformanceKit, type StoreHarness } from './conformance/kit';
import { describeParticipantContract } from './conformance/participants';
import { describeRevealDueContract } from './conformance/reveals';
import { describePeopleContract } from './conformance/people';
import { describePrivacyContract } from './conformance/privacy';
import { describeRoundContract } from './conformance/rounds';

export { fixtures, SYS, type StoreHarness } from './conformance/kit';

/** Registers the conformance tests for one Store implementation. */
export function describeStoreConformance(name: string, makeHarness: () => Promise<StoreHarness>): void {
  describe(`Store conformance: ${name}`, () => {
    const kit = createConformanceKit(makeHarness);
    describeEventContract(kit);
    describeParticipantContract(kit);
    describeRoundContract(kit);
    describeEntriesContract(kit);
    describeBonusContract(kit);
    describePeopleContract(kit);
    describeClaimContract(kit);
    describeAuditContract(kit);
    describeRevealDueContract(kit);
    describeConsoleContract(kit);
    describePrivacyContract(kit, { supportMessages: true });
  });
}
