// The phone's side of the support inbox: send a message, list its own messages and answers.
import { supportListSchema, supportSendSchema } from '@drawcast/shared';
import type { ConsoleCommands } from '../commands/consoleCommands';
import type { CommandTable } from './onCommand';
import { onCommand } from './onCommand';

/** Why: a phone asks about its entry or claim without leaving the app; the device token proves the entry. */
export function registerSupportHandlers(table: CommandTable, support: ConsoleCommands): void {
  onCommand(table, 'support:send', supportSendSchema, (data) => support.sendSupport(data));
  onCommand(table, 'support:list', supportListSchema, (data) => support.listOwnSupport(data));
}
