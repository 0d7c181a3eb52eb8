/**
 * This job's section of the comment: its identity, its id and title, and the note under its heading.
 * Pure.
 *
 * The identity model: two uploads are the same section (same id, same keys, same place in the
 * comment: a re-run overwrites in place) exactly when their identity is the same. By default the
 * identity is the workflow file, the job id, the matrix values and the step (which use of the action
 * in the job); with the `section` input, it is that text alone. The id is a readable slug plus a
 * hash of the whole identity, so different identities never share an id, and it is bounded.
 */
import { createHash } from 'node:crypto';
import { slug } from './keys.js';

/** Where a section comes from; stored in the manifest so a later run can check the id and title. */
export type SectionSource =
  | { section: string }
  | {
      /** The workflow file (`owner/repo/.github/workflows/ci.yml`, without `@ref`), else the workflow name. */
      workflow: string;
      /** The workflow's name, for the title only. */
      workflowName: string;
      job: string;
      /** The `matrix` input (JSON, as `toJSON(matrix)` gives it): its keys and values, in order, are part of the identity. */
      matrix: string;
      /** GITHUB_ACTION: the step's id, or `__owner_repo`, `__owner_repo_2`… for steps without one. */
      step: string;
    };

export interface Section {
  id: string;
  title: string;
}

/** Longest readable part of an id; the hash follows it. */
export const SLUG_MAX = 40;
/** Hex digits of the identity's hash that end every id. */
export const SECTION_HASH_CHARS = 10;
const TITLE_MAX = 200;
/** What every section id looks like: a safe key segment ending in its hash. */
export const SECTION_ID = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,39}-[0-9a-f]{10}$/;

/** The section of `source`: id (one safe key segment, at most 51 characters) and title. */
export function sectionOf(source: SectionSource): Section {
  if ('section' in source) return { id: sectionId(source.section, ['section', source.section]), title: bounded(source.section) };
  const values = matrixValues(source.matrix);
  const identity = ['job', source.workflow, source.job, JSON.stringify(parseMatrix(source.matrix)), source.step];
  const job = values.length > 0 ? `${source.job} (${values.join(', ')})` : source.job;
  const title = [source.workflowName, job].filter(Boolean).join(' / ') + stepLabel(source.step);
  return { id: sectionId([source.job, ...values].join('-'), identity), title: bounded(title) };
}

/**
 * Readable slug (at most SLUG_MAX characters, `section` when nothing readable is left) plus the first
 * 10 hex digits of the identity's SHA-256. The result is its own slug: it adds no `/`, `..` or `--`.
 */
function sectionId(readable: string, identity: unknown[]): string {
  let s = slug(readable)
    .slice(0, SLUG_MAX)
    .replace(/[-.]+$/, '');
  if (!s || s === '_') s = 'section';
  return `${s}-${createHash('sha256').update(JSON.stringify(identity)).digest('hex').slice(0, SECTION_HASH_CHARS)}`;
}

/** A user-named step shows its id; a second use of the same action without one, its number. */
function stepLabel(step: string): string {
  if (!step) return '';
  if (!step.startsWith('__')) return ` · ${step}`;
  const n = /_(\d+)$/.exec(step)?.[1];
  return n && Number(n) > 1 ? ` · #${n}` : '';
}

function bounded(title: string): string {
  const chars = Array.from(title);
  return chars.length > TITLE_MAX ? `${chars.slice(0, TITLE_MAX - 1).join('')}…` : title;
}

function parseMatrix(matrixJson: string): unknown {
  try {
    return JSON.parse(matrixJson || 'null') as unknown;
  } catch {
    return null;
  }
}

function matrixValues(matrixJson: string): string[] {
  const matrix = parseMatrix(matrixJson);
  if (!matrix || typeof matrix !== 'object') return [];
  return Object.values(matrix).map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v)));
}

/**
 * This job's section source: the `section` input when set, else the run's workflow, job, matrix and
 * step.
 */
export function sectionSource(
  input: string,
  run: { workflowPath: string; workflow: string; job: string; step: string },
  matrixJson: string,
): SectionSource {
  if (input) return { section: input };
  return { workflow: run.workflowPath, workflowName: run.workflow, job: run.job, matrix: matrixJson, step: run.step };
}

export const ASSUMED_EXPIRY_CAVEAT =
  'Signed with credentials of unknown expiry: these links stop working when the credentials do, which may be before the time stated.';

/**
 * A comment section's note: the given sentences, plus a caveat wherever the expiry rests on an
 * assumption rather than a known time.
 */
export function sectionNote(signer: { expiryAssumed?: boolean }, ...sentences: (string | undefined)[]): string | undefined {
  const caveat = signer.expiryAssumed ? ASSUMED_EXPIRY_CAVEAT : undefined;
  return [...sentences, caveat].filter(Boolean).join(' ') || undefined;
}
