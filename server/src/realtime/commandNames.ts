// Every socket command the server answers, checked against the shared event map at compile time.
import type { ClientToServerEvents } from '@drawcast/shared';

const COMMANDS: Record<keyof ClientToServerEvents, true> = {
  'clock:ping': true,
  'event:join': true,
  'participant:state': true,
  'stage:watch': true,
  'stage:names': true,
  'event:create': true,
  'event:list': true,
  'event:update': true,
  'prize:add': true,
  'prize:list': true,
  'prize:update': true,
  'round:create': true,
  'round:close': true,
  'round:entropy': true,
  'round:draw': true,
  'round:cancel': true,
  'round:list': true,
  'claim:list': true,
  'claim:redeem': true,
  'claim:forfeit': true,
  'claim:sweep': true,
  'claim:redraw': true,
  'claim:contact': true,
  'support:send': true,
  'support:list': true,
  'spike:status': true,
  'spike:dismiss': true,
  'spike:disqualify': true,
  'privacy:forgetMe': true,
  'privacy:erase': true,
};

/** Why: metrics start every command's ack-latency series at 0, and unknown events are told apart. */
export const COMMAND_NAMES: readonly string[] = Object.keys(COMMANDS);

const known = new Set(COMMAND_NAMES);

/** True for an event name the server has a command for. */
export function isKnownCommand(event: string): boolean {
  return known.has(event);
}
