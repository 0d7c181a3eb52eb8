/** GET /user: a user token sees its own profile; an integration token (GITHUB_TOKEN) gets 403. */
import { renderPrivateUser } from '../render-users.ts';
import { errorReply } from '../replies.ts';
import type { Handlers } from './context.ts';

export const userHandlers: Handlers = {
  'users/get-authenticated': ({ state, op, actor }) =>
    actor.integration
      ? errorReply(403, 'Resource not accessible by integration', op.docsUrl)
      : { status: 200, body: renderPrivateUser(state, actor) },
};
