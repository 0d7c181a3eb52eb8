/** This job's section of the comment: its identity, and the note under its heading. Pure. */
import { slug } from './keys.js';

/**
 * This job's section of the comment: the `section` input, else the job id plus its matrix values
 * (so matrix legs get a section each, stable across re-runs). Returns the id (a slug, also used in
 * object keys) and a title for people.
 */
export function jobSection(input: string, job: string, matrixJson: string): { id: string; title: string } {
  if (input) return { id: slug(input), title: input };
  let values: string[] = [];
  try {
    const matrix: unknown = JSON.parse(matrixJson || 'null');
    if (matrix && typeof matrix === 'object')
      values = Object.values(matrix).map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v)));
  } catch {
    values = [];
  }
  return { id: slug([job, ...values].join('-')), title: values.length > 0 ? `${job} (${values.join(', ')})` : job };
}

export const ASSUMED_EXPIRY_CAVEAT =
  'Signed with temporary credentials of unknown expiry: these links stop working when that session ends, which may be before the time stated.';

/**
 * A comment section's note: the given sentences, plus a caveat wherever the expiry rests on an
 * assumption rather than a known time.
 */
export function sectionNote(signer: { expiryAssumed?: boolean }, ...sentences: (string | undefined)[]): string | undefined {
  const caveat = signer.expiryAssumed ? ASSUMED_EXPIRY_CAVEAT : undefined;
  return [...sentences, caveat].filter(Boolean).join(' ') || undefined;
}
