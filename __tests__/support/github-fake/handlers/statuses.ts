/**
 * Commit statuses: create one. Like GitHub, a description over 140 characters and a SHA that is not
 * a full commit SHA are refused with 422 (the fake has no commits, so any full SHA is one). The
 * OpenAPI description lists no 422 for this operation, so such an answer is also reported as a
 * violation: the action must never cause one.
 */
import { renderUser } from '../render-users.ts';
import { errorReply, notFound } from '../replies.ts';
import type { FakeState, StatusState } from '../state.ts';
import type { Handlers } from './context.ts';

/** GitHub's limit on a status description. */
export const MAX_STATUS_DESCRIPTION = 140;

export function renderStatus(state: FakeState, repo: { owner: string; name: string }, s: StatusState): Record<string, unknown> {
  return {
    url: `${state.baseUrl}/repos/${repo.owner}/${repo.name}/statuses/${s.sha}`,
    avatar_url: null,
    id: s.id,
    node_id: `SC_kwDO${Buffer.from(String(s.id)).toString('base64')}`,
    state: s.state,
    description: s.description,
    target_url: s.targetUrl,
    context: s.context,
    created_at: s.createdAt,
    updated_at: s.createdAt,
    creator: renderUser(state, s.creator),
  };
}

export const statusHandlers: Handlers = {
  'repos/create-commit-status': ({ state, op, params, body, actor }) => {
    const repo = state.findRepo(String(params.owner), String(params.repo));
    if (!repo) return notFound(op);
    const sha = String(params.sha);
    if (!/^[0-9a-f]{40}$/.test(sha)) return errorReply(422, `No commit found for SHA: ${sha}`, op.docsUrl);
    const description = typeof body.description === 'string' ? body.description : null;
    if (description !== null && [...description].length > MAX_STATUS_DESCRIPTION) {
      return errorReply(422, 'Validation Failed', op.docsUrl, {
        errors: [
          {
            resource: 'Status',
            code: 'custom',
            field: 'description',
            message: `description is too long (maximum is ${MAX_STATUS_DESCRIPTION} characters)`,
          },
        ],
      });
    }
    const created = state.addStatus(repo, {
      sha,
      state: String(body.state),
      context: typeof body.context === 'string' ? body.context : 'default',
      description,
      targetUrl: typeof body.target_url === 'string' ? body.target_url : null,
      creator: actor,
    });
    return {
      status: 201,
      body: renderStatus(state, repo, created),
      headers: { location: `${state.baseUrl}/repos/${repo.owner}/${repo.name}/statuses/${sha}` },
    };
  },
};
