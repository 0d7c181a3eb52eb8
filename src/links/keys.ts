/** Object keys: the `key-prefix` template and the per-file key. Pure. */
import { createHash } from 'node:crypto';

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
  /** Set when the files come from a fork: its repository (`owner/repo`, see RunContext.fork). */
  fork?: { repository: string };
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
  scope: (c) => (c.pr !== undefined ? `pr-${c.pr}` : c.fork ? forkRef(c.fork.repository, c.ref) : `ref-${c.ref}`),
  sha: (c) => c.sha,
  short_sha: (c) => c.sha.slice(0, 7),
  run_id: (c) => c.runId,
  run_attempt: (c) => c.runAttempt,
  job: (c) => c.job,
  ref: (c) => (c.fork ? forkRef(c.fork.repository, c.ref) : c.ref),
  section: (c) => c.section,
};

export const KEY_VARIABLES = Object.keys(VARIABLES);

/**
 * A fork's branch as a key segment (its {ref}, and its {scope} when no pull request is known):
 * `fork-<owner>-<branch>-<hash>`, the hash of the exact repository and branch. A fork's branch
 * `main` is not this repository's `main`: it never renders as `ref-main` or `main`, and two forks
 * whose names slug alike still differ.
 */
export function forkRef(repository: string, branch: string): string {
  const hash = createHash('sha256').update(`${repository}\n${branch}`, 'utf8').digest('hex').slice(0, 10);
  return `fork-${repository.split('/')[0]}-${branch}-${hash}`;
}

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

/**
 * The action's own namespace inside the bucket: every key with a folder segment of exactly this name
 * (`…/.artifact-links/…`) belongs to the action (its stored manifests, the sites' start pages and
 * file maps, the share pages), never to a user's file. A file named `.artifact-links.json`, or any
 * other name, is just a file, with one exception (WORKER_FILE_NAME).
 */
export const RESERVED_SEGMENT = '.artifact-links';

/** An object that asks the store whether it checks signed payload hashes (aws/body-check.ts). */
export const BODY_CHECK_PROBE_NAME = `${RESERVED_SEGMENT}/body-check`;

/**
 * The one generated object outside a `.artifact-links` folder: a site's service worker must sit
 * directly in the site's folder (a worker's scope cannot be wider than its script's folder), so this
 * file name is reserved in every folder.
 */
export const WORKER_FILE_NAME = '.artifact-links-sw.js';

/** True when `key` lies in the action's own namespace (see RESERVED_SEGMENT and WORKER_FILE_NAME). */
export function isReservedKey(key: string): boolean {
  const segments = key.split('/');
  return segments.slice(0, -1).includes(RESERVED_SEGMENT) || segments[segments.length - 1] === WORKER_FILE_NAME;
}

/**
 * The object key of a file: prefix plus its path relative to the common root. `/` is the only
 * separator: a backslash is an ordinary character of a Linux file name. Checked by checkKeyPlan.
 */
export function objectKey(prefix: string, relativePath: string): string {
  return prefix ? `${prefix}/${relativePath}` : relativePath;
}

/** S3's limit on a key, in UTF-8 bytes. */
export const MAX_KEY_BYTES = 1024;

/** A file about to be uploaded: the name people know it by, and its planned key. */
export interface PlannedKey {
  path: string;
  key: string;
}

/**
 * Checks every planned key before anything is uploaded: no empty, `.` or `..` segment, none inside
 * the action's namespace, none over 1024 bytes, and no two files with one key. Returns one sentence
 * per problem, naming the file (both files for a shared key); empty when the plan is sound. Pure.
 */
export function checkKeyPlan(plan: PlannedKey[]): string[] {
  const problems: string[] = [];
  const owner = new Map<string, string>();
  for (const { path, key } of plan) {
    const segments = key.split('/');
    if (segments.some((s) => s === '' || s === '.' || s === '..')) {
      problems.push(`'${path}' would be stored as '${key}', which has an empty, "." or ".." segment.`);
    } else if (isReservedKey(key)) {
      problems.push(
        key.endsWith(`/${WORKER_FILE_NAME}`) || key === WORKER_FILE_NAME
          ? `'${path}' would be stored as '${key}': the name ${WORKER_FILE_NAME} is reserved for the action's own objects (a site's service worker).`
          : `'${path}' would be stored as '${key}', inside a "${RESERVED_SEGMENT}" folder, which is reserved for the action's own objects.`,
      );
    } else if (Buffer.byteLength(key) > MAX_KEY_BYTES) {
      problems.push(`The object key for '${path}' is longer than S3's ${MAX_KEY_BYTES}-byte limit; shorten 'key-prefix' or the path.`);
    }
    const first = owner.get(key);
    if (first !== undefined) problems.push(`'${first}' and '${path}' would both be stored as '${key}'.`);
    else owner.set(key, path);
  }
  return problems;
}

/**
 * Variables whose value differs between the run that uploads and the later run that refreshes or
 * cleans up (a scheduled refresh runs on the default branch, with its own run id): placed before
 * {scope} or {pr}, they make the scope impossible to find again.
 */
export const RUN_SPECIFIC_VARIABLES = ['run_id', 'run_attempt', 'sha', 'short_sha', 'section', 'job', 'ref'];

/**
 * The part of the template that every object of this pull request (or branch) shares, up to and
 * including the segment with {scope} or {pr}: where refresh and cleanup look, and where the action
 * keeps its manifests. A string is the reason a later run could not find it again.
 */
export function scopeTemplate(template: string): { template: string } | { problem: string; runSpecific: boolean } {
  const segments = template.trim().split('/');
  const last = segments.findIndex((s) => /\{(scope|pr)\}/.test(s));
  if (last < 0) return { problem: `Input 'key-prefix' has no {scope} or {pr}`, runSpecific: false };
  const head = segments.slice(0, last + 1).join('/');
  const runSpecific = [...head.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]).filter((v) => RUN_SPECIFIC_VARIABLES.includes(v));
  if (runSpecific.length > 0) {
    return {
      problem: `Input 'key-prefix' has ${runSpecific.map((v) => `{${v}}`).join(' ')} before {scope} or {pr}, which a later run cannot know`,
      runSpecific: true,
    };
  }
  return { template: head };
}

const SCOPE_FIX = `put only {owner}, {repo} and fixed text before {scope} or {pr} (e.g. ${DEFAULT_KEY_PREFIX})`;

/** The rendered scope prefix, or why a later run could not find it (a sentence naming `key-prefix`). */
export function findableScope(template: string, ctx: KeyContext): { scope: string } | { problem: string; runSpecific: boolean } {
  const scope = scopeTemplate(template);
  if ('problem' in scope) {
    return {
      problem: `${scope.problem}: mode refresh and cleanup cannot find these objects again. To use them, ${SCOPE_FIX}.`,
      runSpecific: scope.runSpecific,
    };
  }
  return { scope: renderKeyPrefix(scope.template, ctx) };
}

/**
 * The scope prefix for refresh and cleanup (see scopeTemplate). Throws, naming `key-prefix`, when a
 * later run could not find the upload's objects with it.
 */
export function scopePrefix(template: string, ctx: KeyContext): string {
  const scope = scopeTemplate(template);
  if ('problem' in scope) {
    throw new Error(
      `${scope.problem}, so mode refresh and cleanup cannot tell which objects belong to this pull request. Use the upload's key-prefix, and ${SCOPE_FIX}.`,
    );
  }
  return renderKeyPrefix(scope.template, ctx);
}
