/** Pull requests: get one, list them (filtered by state and head), and find those of a commit. */
import { renderPull } from '../render-repos.ts';
import { notFound, paginate } from '../replies.ts';
import type { Handlers } from './context.ts';

export const pullHandlers: Handlers = {
  'pulls/get': ({ state, op, params }) => {
    const repo = state.findRepo(String(params.owner), String(params.repo));
    const number = Number(params.pull_number);
    if (!repo || !repo.issues.get(number)?.pull) return notFound(op);
    return { status: 200, body: renderPull(state, repo, number, true) };
  },

  'repos/list-pull-requests-associated-with-commit': ({ state, op, params, url }) => {
    const repo = state.findRepo(String(params.owner), String(params.repo));
    if (!repo) return notFound(op);
    const sha = String(params.commit_sha);
    // Like GitHub: a fork's unmerged commit is not in the base repository, so its PR is not listed
    // here (workflow_run payloads leave fork PRs out too); pulls?head=owner:branch finds it.
    const numbers =
      repo.commitPulls.get(sha) ??
      [...repo.issues.values()].filter((i) => i.pull?.headSha === sha && !i.pull.forkOwner).map((i) => i.number);
    const pulls = numbers.filter((n) => repo.issues.get(n)?.pull).map((n) => renderPull(state, repo, n, false));
    return paginate(pulls, url, state.baseUrl, repo.id, `/commits/${sha}/pulls`);
  },

  'pulls/list': ({ state, op, params, url }) => {
    const repo = state.findRepo(String(params.owner), String(params.repo));
    if (!repo) return notFound(op);
    const wanted = url.searchParams.get('state') ?? 'open';
    const head = url.searchParams.get('head');
    const pulls = [...repo.issues.values()]
      .flatMap((i) => (i.pull ? [i.pull] : []))
      .filter((pull) => wanted === 'all' || pull.state === wanted)
      .filter((pull) => !head || `${pull.forkOwner ?? repo.owner}:${pull.headRef}` === head)
      .sort((a, b) => b.number - a.number)
      .map((pull) => renderPull(state, repo, pull.number, false));
    return paginate(pulls, url, state.baseUrl, repo.id, '/pulls');
  },
};
