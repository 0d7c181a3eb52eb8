/**
 * API shapes of repositories and pull requests, as GitHub renders them (fields follow the OpenAPI
 * schemas `repository`/`full-repository`, `pull-request-simple` and `pull-request`). A fork PR's head
 * repository is rendered as a fork owned by the fork owner.
 */
import { createHash } from 'node:crypto';
import { renderUser, b64 } from './render-users.ts';
import { actorFor, stableId, type Actor, type FakeState, type RepoState } from './state.ts';

export function renderRepo(state: FakeState, repo: RepoState, full = false, forkOwner?: string): Record<string, unknown> {
  const owner = forkOwner ?? repo.owner;
  const fullName = `${owner}/${repo.name}`;
  const api = `${state.baseUrl}/repos/${fullName}`;
  const html = `${state.htmlBase}/${fullName}`;
  const id = forkOwner ? stableId(fullName, 3_000_000) : repo.id;
  const base: Record<string, unknown> = {
    id,
    node_id: `R_kgDO${b64(String(id))}`,
    name: repo.name,
    full_name: fullName,
    private: repo.private,
    owner: renderUser(state, ownerActor(owner)),
    html_url: html,
    description: null,
    fork: Boolean(forkOwner),
    url: api,
    forks_url: `${api}/forks`,
    keys_url: `${api}/keys{/key_id}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    teams_url: `${api}/teams`,
    hooks_url: `${api}/hooks`,
    issue_events_url: `${api}/issues/events{/number}`,
    events_url: `${api}/events`,
    assignees_url: `${api}/assignees{/user}`,
    branches_url: `${api}/branches{/branch}`,
    tags_url: `${api}/tags`,
    blobs_url: `${api}/git/blobs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    trees_url: `${api}/git/trees{/sha}`,
    statuses_url: `${api}/statuses/{sha}`,
    languages_url: `${api}/languages`,
    stargazers_url: `${api}/stargazers`,
    contributors_url: `${api}/contributors`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    commits_url: `${api}/commits{/sha}`,
    git_commits_url: `${api}/git/commits{/sha}`,
    comments_url: `${api}/comments{/number}`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    contents_url: `${api}/contents/{+path}`,
    compare_url: `${api}/compare/{base}...{head}`,
    merges_url: `${api}/merges`,
    archive_url: `${api}/{archive_format}{/ref}`,
    downloads_url: `${api}/downloads`,
    issues_url: `${api}/issues{/number}`,
    pulls_url: `${api}/pulls{/number}`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    labels_url: `${api}/labels{/name}`,
    releases_url: `${api}/releases{/id}`,
    deployments_url: `${api}/deployments`,
    created_at: repo.createdAt,
    updated_at: repo.createdAt,
    pushed_at: repo.createdAt,
    git_url: `git://github.com/${fullName}.git`,
    ssh_url: `git@github.com:${fullName}.git`,
    clone_url: `${html}.git`,
    svn_url: html,
    homepage: null,
    size: 0,
    stargazers_count: 0,
    watchers_count: 0,
    language: 'TypeScript',
    has_issues: true,
    has_projects: true,
    has_downloads: true,
    has_wiki: true,
    has_pages: false,
    has_discussions: false,
    forks_count: 0,
    mirror_url: null,
    archived: false,
    disabled: false,
    open_issues_count: repo.issues.size,
    license: null,
    allow_forking: true,
    is_template: false,
    web_commit_signoff_required: false,
    topics: [],
    visibility: repo.visibility,
    forks: 0,
    open_issues: repo.issues.size,
    watchers: 0,
    default_branch: repo.defaultBranch,
  };
  if (!full) return base;
  return { ...base, temp_clone_token: '', network_count: 0, subscribers_count: 0 };
}

export function renderPull(state: FakeState, repo: RepoState, number: number, full: boolean): Record<string, unknown> {
  const pr = repo.issues.get(number)?.pull;
  if (!pr) throw new Error(`no PR #${number}`);
  const api = `${state.baseUrl}/repos/${repo.owner}/${repo.name}`;
  const html = `${state.htmlBase}/${repo.owner}/${repo.name}/pull/${number}`;
  const headOwner = pr.forkOwner ?? repo.owner;
  const author = renderUser(state, actorFor({ login: pr.author, type: 'User' }));
  const baseSha = fakeSha(`${repo.owner}/${repo.name}@${pr.baseRef}`);
  const mergedAt = pr.merged ? pr.createdAt : null;
  const commentCount = state.commentsOn(repo, number).length;
  const simple: Record<string, unknown> = {
    url: `${api}/pulls/${number}`,
    id: pr.id,
    node_id: `PR_kwDO${b64(String(pr.id))}`,
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${api}/issues/${number}`,
    number,
    state: pr.state,
    locked: false,
    title: pr.title,
    user: author,
    body: pr.body,
    created_at: pr.createdAt,
    updated_at: pr.createdAt,
    closed_at: pr.state === 'closed' ? pr.createdAt : null,
    merged_at: mergedAt,
    merge_commit_sha: fakeSha(`merge ${pr.headSha}`),
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    labels: [],
    milestone: null,
    draft: pr.draft,
    commits_url: `${api}/pulls/${number}/commits`,
    review_comments_url: `${api}/pulls/${number}/comments`,
    review_comment_url: `${api}/pulls/comments{/number}`,
    comments_url: `${api}/issues/${number}/comments`,
    statuses_url: `${api}/statuses/${pr.headSha}`,
    head: {
      label: `${headOwner}:${pr.headRef}`,
      ref: pr.headRef,
      sha: pr.headSha,
      user: renderUser(state, ownerActor(headOwner)),
      repo: renderRepo(state, repo, false, pr.forkOwner),
    },
    base: {
      label: `${repo.owner}:${pr.baseRef}`,
      ref: pr.baseRef,
      sha: baseSha,
      user: renderUser(state, ownerActor(repo.owner)),
      repo: renderRepo(state, repo),
    },
    _links: {
      self: { href: `${api}/pulls/${number}` },
      html: { href: html },
      issue: { href: `${api}/issues/${number}` },
      comments: { href: `${api}/issues/${number}/comments` },
      review_comments: { href: `${api}/pulls/${number}/comments` },
      review_comment: { href: `${api}/pulls/comments{/number}` },
      commits: { href: `${api}/pulls/${number}/commits` },
      statuses: { href: `${api}/statuses/${pr.headSha}` },
    },
    author_association: pr.author.toLowerCase() === repo.owner.toLowerCase() ? 'OWNER' : pr.forkOwner ? 'CONTRIBUTOR' : 'COLLABORATOR',
    auto_merge: null,
    active_lock_reason: null,
  };
  if (!full) return simple;
  return {
    ...simple,
    merged: pr.merged,
    mergeable: pr.state === 'open' ? true : null,
    rebaseable: pr.state === 'open' ? true : null,
    mergeable_state: pr.state === 'open' ? 'clean' : 'unknown',
    merged_by: null,
    comments: commentCount,
    review_comments: 0,
    maintainer_can_modify: Boolean(pr.forkOwner),
    commits: 1,
    additions: 1,
    deletions: 0,
    changed_files: 1,
  };
}

function ownerActor(login: string): Actor {
  return { ...actorFor({ login, type: 'User' }) };
}

/** A 40-hex-digit sha derived from `text`. */
function fakeSha(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}
