/** Object keys: the `key-prefix` template and the per-file key. Pure. */

/** What a key template can refer to; values come from the workflow run. */
export interface KeyContext {
  owner: string;
  repo: string;
  /** Pull request number, if the run belongs to one. */
  pr?: number;
  /** Commit the artifacts were built from (the PR head for pull_request events). */
  sha: string;
  runId: string;
  runAttempt: string;
  job: string;
  /** Branch or tag name (for PRs, the head branch). */
  ref: string;
  /** This job's section of the comment (job name plus matrix values). */
  section: string;
}

export const DEFAULT_KEY_PREFIX = '{owner}/{repo}/{scope}/{short_sha}/{section}';

const VARIABLES: Record<string, (c: KeyContext) => string> = {
  owner: (c) => c.owner,
  repo: (c) => c.repo,
  pr: (c) => {
    if (c.pr === undefined) {
      throw new Error(
        "Input 'key-prefix' uses {pr}, but this run has no pull request. Use {scope} (pr-N on pull requests, the branch otherwise) or set 'pr-number'.",
      );
    }
    return String(c.pr);
  },
  scope: (c) => (c.pr !== undefined ? `pr-${c.pr}` : `ref-${c.ref}`),
  sha: (c) => c.sha,
  short_sha: (c) => c.sha.slice(0, 7),
  run_id: (c) => c.runId,
  run_attempt: (c) => c.runAttempt,
  job: (c) => c.job,
  ref: (c) => c.ref,
  section: (c) => c.section,
};

export const KEY_VARIABLES = Object.keys(VARIABLES);

/** Makes a value safe as one key segment: letters, digits, `.`, `_`, `-`. */
export function slug(value: string): string {
  const s = value
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return s || '_';
}

/**
 * Renders the `key-prefix` template. Variable values are slugged, so they never add `/` or `..`.
 * Throws, naming the input, on unknown variables and on prefixes that are absolute or climb (`..`).
 */
export function renderKeyPrefix(template: string, ctx: KeyContext): string {
  const rendered = template.trim().replace(/\{([^{}]*)\}/g, (_, name: string) => {
    const variable = VARIABLES[name];
    if (!variable) {
      throw new Error(
        `Input 'key-prefix' has an unknown variable {${name}}. Known variables: ${KEY_VARIABLES.map((v) => `{${v}}`).join(' ')}.`,
      );
    }
    return slug(variable(ctx));
  });
  return validatePrefix(rendered.replace(/\/+$/, ''));
}

function validatePrefix(prefix: string): string {
  const problem = /[{}]/.test(prefix)
    ? 'has an unbalanced { or }'
    : prefix.startsWith('/')
      ? 'starts with "/" (keys are relative to the bucket)'
      : prefix.includes('\\')
        ? 'contains a backslash'
        : // eslint-disable-next-line no-control-regex -- refuses control characters in the rendered prefix
          /[\x00-\x1f\x7f]/.test(prefix)
          ? 'contains a control character'
          : prefix.split('/').some((s) => s === '..' || s === '.')
            ? 'contains a "." or ".." segment'
            : prefix.includes('//')
              ? 'contains an empty segment ("//")'
              : Buffer.byteLength(prefix) > 512
                ? 'is longer than 512 bytes'
                : undefined;
  if (problem) {
    throw new Error(`Input 'key-prefix' ${problem}: '${prefix}'. Use a relative path such as ${DEFAULT_KEY_PREFIX}.`);
  }
  return prefix;
}

/** The object key of a file: prefix plus its path relative to the common root, `/`-separated. */
export function objectKey(prefix: string, relativePath: string): string {
  const rel = relativePath
    .split(/[\\/]+/)
    .filter(Boolean)
    .join('/');
  const key = prefix ? `${prefix}/${rel}` : rel;
  if (Buffer.byteLength(key) > 1024) {
    throw new Error(`The object key for '${relativePath}' is longer than S3's 1024-byte limit; shorten 'key-prefix' or the path.`);
  }
  return key;
}

/**
 * What every object of this pull request (or branch) shares: the template up to and including the
 * segment with {scope} or {pr}. Refresh and cleanup look there.
 */
export function scopePrefix(template: string, ctx: KeyContext): string {
  const segments = template.trim().split('/');
  const last = segments.findIndex((s) => /\{(scope|pr)\}/.test(s));
  if (last < 0) {
    throw new Error(
      `Input 'key-prefix' must contain {scope} or {pr} for mode refresh and cleanup, so the action can find this pull request's objects (e.g. ${DEFAULT_KEY_PREFIX}).`,
    );
  }
  return renderKeyPrefix(segments.slice(0, last + 1).join('/'), ctx);
}
