// The phone's side of the support inbox: send a message, list its own messages and answers.
import { supportListSchema, supportSendSchema } from '@drawcast/shared';
import type { ConsoleService } from '../services/consoleService';
import type { CommandContext } from './command';
import { onCommand } from './command';
import type { DrawcastSocket } from './types';

/** What the support handlers need. */
export interface SupportHandlerDeps extends CommandContext {
  consoleService: ConsoleService;
}

/** Why: a phone asks about its entry or claim without leaving the app; the device token proves the entry. */
export function registerSupportHandlers(deps: SupportHandlerDeps, socket: DrawcastSocket): void {
  onCommand(deps, socket, 'support:send', supportSendSchema, (data) => deps.consoleService.sendSupport(data));
  onCommand(deps, socket, 'support:list', supportListSchema, (data) =>
    deps.consoleService.listOwnSupport(data),
  );
}
