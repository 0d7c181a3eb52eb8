/** GET /repos/{owner}/{repo}. */
import { renderRepo } from '../render-repos.ts';
import { notFound } from '../replies.ts';
import type { Handlers } from './context.ts';

export const repoHandlers: Handlers = {
  'repos/get': ({ state, op, params }) => {
    const repo = state.findRepo(String(params.owner), String(params.repo));
    return repo ? { status: 200, body: renderRepo(state, repo, true) } : notFound(op);
  },
};
