/** The public-repository policy: who can read the comment can use the links. */
import type { PublicRepoPolicy } from '../config/inputs.js';
import type { GitHubTarget, Repo } from '../github/client.js';
import type { Logger } from '../util/log.js';

export const PUBLIC_NOTE = 'This repository is public: anyone who can read this comment can download these files until the links expire.';

/**
 * Public repositories: anyone can read the comment, so anyone can use the links until they expire.
 * From the event payload when it says, else the API; undefined when neither does.
 */
export async function isPublicRepo(
  gh: GitHubTarget | undefined,
  repo: Repo,
  repoPrivate: boolean | undefined,
): Promise<boolean | undefined> {
  if (repoPrivate !== undefined) return !repoPrivate;
  if (!gh) return undefined;
  try {
    return !(await gh.octokit.rest.repos.get({ owner: repo.owner, repo: repo.repo })).data.private;
  } catch {
    return undefined;
  }
}

export interface Visibility {
  /** The repository is known to be public: the comment says so. */
  publicRepo: boolean;
  /** public-repo: refuse, and the repository is public or of unknown visibility: no links in the comment or summary. */
  withhold: boolean;
}

/** Applies `policy` to the repository's visibility, warning as it decides. */
export async function decideVisibility(
  policy: PublicRepoPolicy,
  gh: GitHubTarget | undefined,
  repo: Repo,
  repoPrivate: boolean | undefined,
  log: Logger,
): Promise<Visibility> {
  const visibility = policy === 'allow' ? false : await isPublicRepo(gh, repo, repoPrivate);
  // refuse fails closed: a repository whose visibility is unknown is treated as public.
  const withhold = policy === 'refuse' && visibility !== false;
  const publicRepo = visibility === true;
  if (withhold) {
    log.warning(
      `${visibility ? PUBLIC_NOTE : 'The repository visibility is unknown.'} public-repo: refuse, so no links are posted in the comment or the job summary.`,
    );
  } else if (publicRepo) {
    log.warning(`${PUBLIC_NOTE} Set public-repo: refuse to keep links out of the comment, or allow to silence this.`);
  }
  return { publicRepo, withhold };
}
