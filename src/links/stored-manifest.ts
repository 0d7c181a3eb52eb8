/**
 * The manifest the action stores for each section, so `mode: refresh` can re-sign links and
 * `mode: cleanup` can tell which sections it removed, without rebuilding. Pure; holds no links, only
 * keys.
 *
 * One exact place per section, which no user file can take (keys.ts, RESERVED_SEGMENT):
 * `<scope>/.artifact-links/<section-id>.json`. Refresh and cleanup read only keys of that form, and
 * only render a manifest that is consistent with where it was found and with this repository.
 */
import { type BaseBuild, isBaseBuild } from './base-build.js';
import { isReservedKey, RESERVED_SEGMENT } from './keys.js';
import type { StoredFile } from './manifest-entry.js';
import { Section, SECTION_ID, sectionOf, SectionSource } from './section.js';

export const MANIFEST_VERSION = 2;

export interface StoredManifest {
  version: typeof MANIFEST_VERSION;
  /** What the section is (its identity); its id and title follow from it. */
  source: SectionSource;
  section: Section;
  /** The rendered key-prefix of the upload: every file's key lies under it. */
  prefix: string;
  sha: string;
  runUrl: string;
  uploadedAt: string;
  files: StoredFile[];
  /** Site folders relative to the section's prefix (`''` or `a/b/`), so refresh can rebuild them. */
  sites?: string[];
  /** A pull request's upload: the base branch's upload it was compared with (see base-build.ts). */
  base?: BaseBuild;
  /**
   * Files built from a fork's code and restricted (steps/untrusted.ts): their head repository, so a
   * refresh renders them as the upload did (no sites, active types as downloads).
   */
  untrusted?: { fork: string };
}

/** Where the manifest of section `sectionId` lives, for the scope prefix `scope`. */
export function manifestKey(scope: string, sectionId: string): string {
  return `${scope}/${RESERVED_SEGMENT}/${sectionId}.json`;
}

/** The section id of a manifest key under `scope`, or undefined when `key` is not one. */
export function manifestSectionId(scope: string, key: string): string | undefined {
  const folder = `${scope}/${RESERVED_SEGMENT}/`;
  if (!key.startsWith(folder) || !key.endsWith('.json')) return undefined;
  const id = key.slice(folder.length, -'.json'.length);
  return SECTION_ID.test(id) ? id : undefined;
}

/** What a manifest found at a key must agree with. */
export interface ManifestExpectations {
  scope: string;
  /** The section id its key names. */
  sectionId: string;
  /** This repository's runs: `${serverUrl}/${owner}/${repo}/actions/runs/`. */
  runsUrl: string;
}

export type ManifestCheck = { manifest: StoredManifest } | { problem: string };

/**
 * Parses and checks a stored manifest: its section id and title must follow from its identity and
 * match its key, its run URL must be one of this repository's runs, its prefix must lie in the scope
 * it was found in, and every file's key and site folder under that prefix, outside the action's namespace. Returns
 * why not, instead of throwing: a bad manifest is skipped with a warning, never rendered.
 */
export function checkStoredManifest(text: string, e: ManifestExpectations): ManifestCheck {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problem: 'is not JSON' };
  }
  if (!isObject(value) || value.version !== MANIFEST_VERSION) return { problem: `is not a version ${MANIFEST_VERSION} manifest` };
  const m = value as Record<string, unknown>;
  const source = checkSource(m.source);
  if (!source) return { problem: 'has no valid section identity' };
  const expected = sectionOf(source);
  const section = m.section as Partial<Section> | undefined;
  if (expected.id !== e.sectionId || section?.id !== expected.id) {
    return { problem: 'names a section id that does not follow from its identity and its key' };
  }
  if (section.title !== expected.title) return { problem: 'has a title that does not follow from its identity' };
  if (typeof m.runUrl !== 'string' || !isRunUrl(m.runUrl, e.runsUrl)) {
    return { problem: `has a run URL that is not a run of this repository (${e.runsUrl}…)` };
  }
  const prefix = m.prefix;
  if (typeof prefix !== 'string' || !(prefix === e.scope || prefix.startsWith(`${e.scope}/`)) || !soundKey(`${prefix}/x`)) {
    return { problem: `has a key prefix outside ${e.scope}/` };
  }
  if (typeof m.sha !== 'string' || !/^[0-9a-f]{7,40}$/i.test(m.sha)) return { problem: 'has no valid commit' };
  if (typeof m.uploadedAt !== 'string' || Number.isNaN(Date.parse(m.uploadedAt))) return { problem: 'has no valid upload time' };
  if (!Array.isArray(m.files)) return { problem: 'has no file list' };
  for (const f of m.files as unknown[]) {
    if (!isFile(f)) return { problem: 'lists a file that is not a stored file' };
    if (!f.key.startsWith(`${prefix}/`) || !soundKey(f.key)) return { problem: `lists a key outside its prefix ${prefix}/` };
  }
  if (m.sites !== undefined && !(Array.isArray(m.sites) && (m.sites as unknown[]).every((f) => isSiteFolder(f, prefix)))) {
    return { problem: `lists a site folder outside its prefix ${prefix}/` };
  }
  if (m.base !== undefined && !isBaseBuild(m.base, (url) => isRunUrl(url, e.runsUrl))) {
    return { problem: 'has a base-branch build that is not one of this repository' };
  }
  if (m.untrusted !== undefined && !isUntrusted(m.untrusted)) return { problem: "has a fork's restriction that is not one" };
  return { manifest: value as unknown as StoredManifest };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function checkSource(v: unknown): SectionSource | undefined {
  if (!isObject(v)) return undefined;
  const str = (x: unknown) => typeof x === 'string';
  if (str(v.section) && Object.keys(v).length === 1) return v.section ? { section: v.section as string } : undefined;
  const fields = ['workflow', 'workflowName', 'job', 'matrix', 'step'];
  if (fields.every((k) => str(v[k])) && Object.keys(v).length === fields.length && v.job) return v as SectionSource;
  return undefined;
}

function isFile(f: unknown): f is StoredFile {
  return (
    isObject(f) &&
    typeof f.path === 'string' &&
    typeof f.key === 'string' &&
    Number.isSafeInteger(f.size) &&
    (f.size as number) >= 0 &&
    typeof f.sha256 === 'string' &&
    /^[0-9a-f]{64}$/.test(f.sha256) &&
    typeof f.contentType === 'string'
  );
}

/** `{ fork: 'owner/repo' }` (or `unknown`): a short name without control characters, and nothing else. */
function isUntrusted(v: unknown): boolean {
  return (
    isObject(v) &&
    Object.keys(v).length === 1 &&
    typeof v.fork === 'string' &&
    v.fork.length > 0 &&
    v.fork.length <= 200 &&
    // eslint-disable-next-line no-control-regex -- a name with control characters is not a repository's
    !/[\u0000-\u001f\u007f-\u009f]/.test(v.fork)
  );
}

/** `''` (the upload's root) or `a/b/`: sound folder segments under `prefix`, outside the action's namespace. */
function isSiteFolder(f: unknown, prefix: string): boolean {
  return typeof f === 'string' && (f === '' || (f.endsWith('/') && soundKey(`${prefix}/${f}x`)));
}

/** No empty, `.` or `..` segment, and outside the action's namespace. */
function soundKey(key: string): boolean {
  return !key.split('/').some((s) => s === '' || s === '.' || s === '..') && !isReservedKey(key);
}

/** `${runsUrl}<digits>` or `${runsUrl}<digits>/attempts/<digits>`, exactly. */
export function isRunUrl(url: string, runsUrl: string): boolean {
  return url.startsWith(runsUrl) && /^\d+(\/attempts\/\d+)?$/.test(url.slice(runsUrl.length));
}
