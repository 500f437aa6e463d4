// Web Worker: checks a proof with shared/'s verifier (SHA-256 and HMAC in JavaScript, no crypto.subtle),
// and finds this phone's entry, so a 50,000-entry proof never freezes the page.
import { verifyProof } from '../../../../shared/src/fairness/proof';
import type { ProofVerdict } from '../../../../shared/src/fairness/proof';

/** What the page asks: the proof's text and this phone's entry id. */
export interface VerifyRequest {
  text: string;
  participantId: string;
}

/** What the worker answers. */
export interface VerifyAnswer {
  revealed: boolean;
  verdict: ProofVerdict | null;
  entries: number;
  winners: number;
  myWeight: number | null;
}

self.onmessage = (e: MessageEvent<VerifyRequest>) => {
  let doc: unknown = null;
  try {
    doc = JSON.parse(e.data.text);
  } catch {
    doc = null;
  }
  const d = (doc ?? {}) as { serverSeed?: unknown; entries?: unknown; winners?: unknown };
  const entries = Array.isArray(d.entries) ? (d.entries as Array<{ id?: unknown; weight?: unknown }>) : [];
  const revealed = doc === null || typeof d.serverSeed === 'string';
  const mine = entries.find((x) => x && x.id === e.data.participantId);
  const answer: VerifyAnswer = {
    revealed,
    verdict: revealed ? verifyProof(doc) : null,
    entries: entries.length,
    winners: Array.isArray(d.winners) ? d.winners.length : 0,
    myWeight: mine && typeof mine.weight === 'number' ? mine.weight : null,
  };
  self.postMessage(answer);
};
