/**
 * The base branch's latest upload of the same section (a push build of `main`), which a pull
 * request's upload is compared with. Pure. Kept in the pull request's own stored manifest, so a
 * refresh renders the same comparison without reading the base branch again.
 */
import type { StoredFile } from './manifest-entry.js';

/** What a comparison needs of one base file: no key, no link. */
export interface BaseFile {
  path: string;
  size: number;
  sha256: string;
}

export interface BaseBuild {
  /** The pull request's base branch, e.g. `main`. */
  ref: string;
  /** The commit the base branch's upload was built from. */
  sha: string;
  runUrl: string;
  uploadedAt: string;
  files: BaseFile[];
}

/** The base build a stored manifest of the base branch describes. */
export function baseBuildOf(ref: string, m: { sha: string; runUrl: string; uploadedAt: string; files: readonly StoredFile[] }): BaseBuild {
  return {
    ref,
    sha: m.sha,
    runUrl: m.runUrl,
    uploadedAt: m.uploadedAt,
    files: m.files.map(({ path, size, sha256 }) => ({ path, size, sha256 })),
  };
}

/** A branch name as git allows it, bounded: refuses anything that could not be a ref. */
export function isBranchName(ref: unknown): ref is string {
  return (
    typeof ref === 'string' &&
    ref.length > 0 &&
    ref.length <= 255 &&
    // eslint-disable-next-line no-control-regex -- git refuses control characters in ref names
    !/[\x00-\x20\x7f~^:?*[\\]|\.\.|@\{|^\/|\/$|\.lock$|^-/.test(ref)
  );
}

/** True when `v` is a base build whose run is one of this repository's (`runsUrl` prefix). */
export function isBaseBuild(v: unknown, isRun: (url: string) => boolean): v is BaseBuild {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const b = v as Record<string, unknown>;
  return (
    isBranchName(b.ref) &&
    typeof b.sha === 'string' &&
    /^[0-9a-f]{7,40}$/i.test(b.sha) &&
    typeof b.runUrl === 'string' &&
    isRun(b.runUrl) &&
    typeof b.uploadedAt === 'string' &&
    !Number.isNaN(Date.parse(b.uploadedAt)) &&
    Array.isArray(b.files) &&
    (b.files as unknown[]).every(isBaseFile)
  );
}

function isBaseFile(f: unknown): f is BaseFile {
  if (f === null || typeof f !== 'object') return false;
  const r = f as Record<string, unknown>;
  return (
    typeof r.path === 'string' &&
    Number.isSafeInteger(r.size) &&
    (r.size as number) >= 0 &&
    typeof r.sha256 === 'string' &&
    /^[0-9a-f]{64}$/.test(r.sha256)
  );
}
