// The application service: thin orchestration of domain rules over the Store, for REST and Socket.IO alike.
import * as audits from './auditOperations';
import * as claims from './claimOperations';
import { createContext, requireEvent } from './context';
import * as events from './eventOperations';
import * as exports from './exportOperations';
import * as frozen from './frozenEntries';
import * as joins from './joinOperations';
import { aggregateOdds } from './aggregateOdds';
import { participantState } from './participantState';
import * as people from './peopleOperations';
import * as privacy from './privacyOperations';
import * as redraws from './redrawOperations';
import * as restores from './restoreOperations';
import * as rounds from './roundOperations';
import type { DrawcastService, ServiceDeps } from './types';

/** Builds the service the transports call; one per process (its per-event draw lock is process-local). */
export function createDrawcastService(deps: ServiceDeps): DrawcastService {
  const ctx = createContext(deps);
  return {
    close: () => ctx.odds.close(),
    createEvent: (input) => events.createEvent(ctx, input),
    listEvents: () => ctx.store.listEvents(),
    getEvent: (eventId) => requireEvent(ctx, eventId),
    getEventByJoinCode: (joinCode) => events.getEventByJoinCode(ctx, joinCode),
    updateEvent: (eventId, patch) => events.updateEvent(ctx, eventId, patch),

    addPrize: (eventId, input) => events.addPrize(ctx, eventId, input),
    listPrizes: (eventId) => events.listPrizes(ctx, eventId),
    updatePrize: (eventId, prizeId, input) => events.updatePrize(ctx, eventId, prizeId, input),
    getPrize: (prizeId) => events.getPrize(ctx, prizeId),

    join: (input) => joins.join(ctx, input),
    getParticipantByDevice: (eventId, deviceToken) => joins.getParticipantByDevice(ctx, eventId, deviceToken),
    countParticipants: async (eventId) => ctx.store.countParticipants((await requireEvent(ctx, eventId)).id),
    listParticipants: (eventId, page) => joins.listParticipants(ctx, eventId, page),

    createRound: (eventId, input) => rounds.createRound(ctx, eventId, input),
    closeEntries: (roundId) => frozen.closeEntries(ctx, roundId),
    getFrozenEntries: (roundId) => frozen.getFrozenEntries(ctx, roundId),
    setPublicEntropy: (roundId, publicEntropy) => rounds.setPublicEntropy(ctx, roundId, publicEntropy),
    drawRound: (roundId) => rounds.drawRound(ctx, roundId),
    cancelRound: (roundId) => rounds.cancelRound(ctx, roundId),
    getRound: (roundId) => rounds.getRound(ctx, roundId),
    listRounds: (eventId) => rounds.listRounds(ctx, eventId),
    currentRound: (eventId) => rounds.currentRound(ctx, eventId),
    roundAggregate: (roundId) => rounds.roundAggregate(ctx, roundId),
    currentAggregate: (eventId) => rounds.currentAggregate(ctx, eventId),
    aggregateOdds: (aggregate) => aggregateOdds(ctx, aggregate),
    oddsSettled: () => ctx.odds.settled(),
    getProof: (roundId) => rounds.getProof(ctx, roundId),

    participantState: (eventId, deviceToken) => participantState(ctx, eventId, deviceToken),

    setBaseTickets: (participantId, baseTickets) => joins.setBaseTickets(ctx, participantId, baseTickets),

    importPeople: (eventId, source, filename, options) =>
      people.importPeople(ctx, eventId, source, filename, options),
    listPeople: (eventId, page) => people.listPeople(ctx, eventId, page),
    checkinQrSvg: (participantId, checkinPageUrl) => people.checkinQrSvg(ctx, participantId, checkinPageUrl),
    checkIn: (input) => people.checkIn(ctx, input),

    listClaims: (eventId) => claims.listClaims(ctx, eventId),
    getClaim: (claimId) => claims.getClaim(ctx, claimId),
    redeem: (code, staff) => claims.redeem(ctx, code, staff),
    forfeit: (claimIdOrCode, reason) => claims.forfeit(ctx, claimIdOrCode, reason),
    sweepClaimDeadlines: (eventId) => claims.sweepClaimDeadlines(ctx, eventId),
    redraw: (claimId) => redraws.redraw(ctx, claimId),
    submitShippingContact: (input) => claims.submitShippingContact(ctx, input),
    getShippingContact: (claimId) => claims.getShippingContact(ctx, claimId),

    exportWinners: (eventId, format, language) => exports.exportWinners(ctx, eventId, format, language),
    backupEvent: (eventId) => exports.backupEvent(ctx, eventId),
    restoreEvent: (document) => restores.restoreEvent(ctx, document),
    listAudit: (eventId, page) => audits.listAudit(ctx, eventId, page),
    verifyAudit: (eventId, head) => audits.verifyAudit(ctx, eventId, head),
    auditHead: (eventId) => audits.auditHead(ctx, eventId),

    eraseParticipant: (eventId, participantId) => privacy.eraseParticipant(ctx, eventId, participantId),
    eraseOwnData: (eventId, deviceToken) => privacy.eraseOwnData(ctx, eventId, deviceToken),
    purgeExpiredPersonalData: () => privacy.purgeExpiredPersonalData(ctx),
  };
}
