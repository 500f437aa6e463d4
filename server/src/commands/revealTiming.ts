// Reveal timing rules the commands use (defined in domain/revealDues.ts, with the list of what is due when).
export { audienceReleaseAt, isReleased } from '../domain/revealDues';
export type { RevealTiming } from '../domain/revealDues';
