// Fixtures for tests and benches of every workspace (`@drawcast/shared/testing`); never imported by app code.
import type { EventSettingsDto } from './protocol';

/** A complete EventSettingsDto as a new event gets it (no bonus, no deadline), so tests need not spell it out. */
export function eventSettingsFixture(overrides: Partial<EventSettingsDto> = {}): EventSettingsDto {
  return {
    requirePhone: false,
    streamDelayMs: 0,
    revealLeadMs: 5000,
    excludePreviousWinnersDefault: true,
    bonus: {
      referral: { enabled: false, ticketsPerFriend: 1, maxBonus: 0 },
      earlyBird: { enabled: false, before: 0, tickets: 1 },
    },
    claimDeadline: null,
    collectShippingContact: false,
    retentionDays: 30,
    ...overrides,
  };
}
