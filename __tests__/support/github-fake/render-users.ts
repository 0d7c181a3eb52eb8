/**
 * API shapes of users, the GitHub Actions app and issue comments, as GitHub renders them (fields follow
 * the OpenAPI schemas `simple-user`, `private-user`, `integration` and `issue-comment`).
 */
import type { IssueComment, SimpleUser } from './types.ts';
import type { Actor, CommentState, FakeState } from './state.ts';

export function renderUser(state: FakeState, actor: Pick<Actor, 'login' | 'id' | 'type'>): SimpleUser {
  const url = `${state.baseUrl}/users/${encodeURIComponent(actor.login)}`;
  const app = actor.type === 'Bot' ? /^(.+)\[bot\]$/.exec(actor.login)?.[1] : undefined;
  return {
    login: actor.login,
    id: actor.id,
    node_id: actor.type === 'Bot' ? `BOT_kgDO${b64(String(actor.id))}` : `U_kgDO${b64(String(actor.id))}`,
    avatar_url: app ? 'https://avatars.githubusercontent.com/in/15368?v=4' : `https://avatars.githubusercontent.com/u/${actor.id}?v=4`,
    gravatar_id: '',
    url,
    html_url: app ? `${state.htmlBase}/apps/${app}` : `${state.htmlBase}/${actor.login}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: actor.type,
    user_view_type: 'public',
    site_admin: false,
  };
}

export function renderComment(state: FakeState, c: CommentState): IssueComment {
  const api = `${state.baseUrl}/repos/${c.repo.owner}/${c.repo.name}`;
  const kind = c.repo.issues.get(c.issue)?.pull ? 'pull' : 'issues';
  const comment: IssueComment = {
    url: `${api}/issues/comments/${c.id}`,
    html_url: `${state.htmlBase}/${c.repo.owner}/${c.repo.name}/${kind}/${c.issue}#issuecomment-${c.id}`,
    issue_url: `${api}/issues/${c.issue}`,
    id: c.id,
    node_id: `IC_kwDO${b64(String(c.id))}`,
    user: renderUser(state, c.author),
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    body: c.body,
    author_association: c.author.login.toLowerCase() === c.repo.owner.toLowerCase() ? 'OWNER' : 'NONE',
    reactions: {
      url: `${api}/issues/comments/${c.id}/reactions`,
      total_count: 0,
      '+1': 0,
      '-1': 0,
      laugh: 0,
      hooray: 0,
      confused: 0,
      heart: 0,
      rocket: 0,
      eyes: 0,
    },
    performed_via_github_app: c.author.integration ? renderActionsApp(state) : null,
  };
  return comment;
}

function renderActionsApp(state: FakeState): Record<string, unknown> {
  return {
    id: 15368,
    client_id: 'Iv1.05c79e9ad1f6bdfa',
    slug: 'github-actions',
    node_id: 'MDM6QXBwMTUzNjg=',
    owner: renderUser(state, { login: 'github', id: 9919, type: 'Organization' }),
    name: 'GitHub Actions',
    description: 'Automate your workflow from idea to production',
    external_url: 'https://help.github.com/en/actions',
    html_url: `${state.htmlBase}/apps/github-actions`,
    created_at: '2018-07-30T09:30:17Z',
    updated_at: '2024-04-10T20:33:16Z',
    permissions: {
      actions: 'write',
      checks: 'write',
      contents: 'write',
      deployments: 'write',
      issues: 'write',
      metadata: 'read',
      pull_requests: 'write',
      statuses: 'write',
    },
    events: ['check_run', 'check_suite', 'issue_comment', 'pull_request', 'push', 'workflow_run'],
  };
}

export function renderPrivateUser(state: FakeState, actor: Actor): Record<string, unknown> {
  return {
    ...renderUser(state, actor),
    name: actor.login === 'octocat' ? 'The Octocat' : null,
    company: null,
    blog: '',
    location: null,
    email: null,
    notification_email: null,
    hireable: null,
    bio: null,
    twitter_username: null,
    public_repos: 0,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: '2011-01-25T18:44:36Z',
    updated_at: '2024-01-01T00:00:00Z',
    private_gists: 0,
    total_private_repos: 0,
    owned_private_repos: 0,
    disk_usage: 0,
    collaborators: 0,
    two_factor_authentication: true,
    plan: { name: 'free', space: 976562499, collaborators: 0, private_repos: 10000 },
  };
}

/** base64 without padding, as GitHub's node ids use it. */
export function b64(text: string): string {
  return Buffer.from(text).toString('base64').replace(/=+$/, '');
}
