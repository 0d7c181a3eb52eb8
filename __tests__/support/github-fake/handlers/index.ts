/** Every operation the fake answers, by operationId; a routed operation missing here is a violation. */
import { commentHandlers } from './comments.ts';
import type { Handlers } from './context.ts';
import { pullHandlers } from './pulls.ts';
import { repoHandlers } from './repos.ts';
import { statusHandlers } from './statuses.ts';
import { userHandlers } from './users.ts';

export type { HandlerContext, Handlers } from './context.ts';

export const handlers: Handlers = { ...userHandlers, ...repoHandlers, ...pullHandlers, ...commentHandlers, ...statusHandlers };
