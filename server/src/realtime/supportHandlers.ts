// The phone's side of the support inbox: send a message, list its own messages and answers.
import { supportListSchema, supportSendSchema } from '@drawcast/shared';
import type { ConsoleCommands } from '../commands/consoleCommands';
import type { CommandContext } from './onCommand';
import { onCommand } from './onCommand';
import type { DrawcastSocket } from './socketTypes';

/** Why: a phone asks about its entry or claim without leaving the app; the device token proves the entry. */
export function registerSupportHandlers(
  ctx: CommandContext,
  support: ConsoleCommands,
  socket: DrawcastSocket,
): void {
  onCommand(ctx, socket, 'support:send', supportSendSchema, (data) => support.sendSupport(data));
  onCommand(ctx, socket, 'support:list', supportListSchema, (data) => support.listOwnSupport(data));
}
