/**
 * Issue comments: list, create, get, update, delete. Stricter than GitHub on purpose: only a
 * comment's author may update or delete it (GitHub also lets collaborators with write access), so
 * tests prove the action edits only its own comments.
 */
import { renderComment } from '../render-users.ts';
import { checkCommentBody, errorReply, notFound, paginate } from '../replies.ts';
import { iso } from '../state.ts';
import type { Handlers } from './context.ts';

export const commentHandlers: Handlers = {
  'issues/list-comments': ({ state, op, params, url }) => {
    const repo = state.findRepo(String(params.owner), String(params.repo));
    const number = Number(params.issue_number);
    if (!repo || !repo.issues.has(number)) return notFound(op);
    const since = url.searchParams.get('since');
    const list = state
      .commentsOn(repo, number)
      .filter((c) => !since || Date.parse(c.updatedAt) >= Date.parse(since))
      .map((c) => renderComment(state, c));
    return paginate(list, url, state.baseUrl, repo.id, `/issues/${number}/comments`);
  },

  'issues/create-comment': ({ state, op, params, body, actor }) => {
    const repo = state.findRepo(String(params.owner), String(params.repo));
    const number = Number(params.issue_number);
    if (!repo || !repo.issues.has(number)) return notFound(op);
    const invalid = checkCommentBody(op, String(body.body));
    if (invalid) return invalid;
    const created = state.addComment(repo, number, String(body.body), actor);
    const rendered = renderComment(state, created);
    return { status: 201, body: rendered, headers: { location: rendered.url } };
  },

  'issues/get-comment': ({ state, op, params }) => {
    const c = state.findComment(params);
    return c ? { status: 200, body: renderComment(state, c) } : notFound(op);
  },

  'issues/update-comment': ({ state, op, params, body, actor }) => {
    const c = state.findComment(params);
    if (!c) return notFound(op);
    if (c.author.login !== actor.login) return errorReply(403, 'Must have admin rights to Repository.', op.docsUrl);
    const invalid = checkCommentBody(op, String(body.body));
    if (invalid) return invalid;
    c.body = String(body.body);
    c.updatedAt = iso(state.now());
    return { status: 200, body: renderComment(state, c) };
  },

  'issues/delete-comment': ({ state, op, params, actor }) => {
    const c = state.findComment(params);
    if (!c) return notFound(op);
    if (c.author.login !== actor.login) return errorReply(403, 'Must have admin rights to Repository.', op.docsUrl);
    state.comments.delete(c.id);
    return { status: 204 };
  },
};
