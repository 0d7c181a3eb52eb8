/**
 * The manifest object stored beside each job's artifacts, so `mode: refresh` can re-sign links and
 * `mode: cleanup` can find what to delete without rebuilding. Pure; holds no links, only keys.
 */
import type { StoredFile } from './manifest-entry.js';

export const MANIFEST_NAME = '.artifact-links.json';

export interface StoredManifest {
  version: 1;
  section: { id: string; title: string };
  sha: string;
  runUrl: string;
  uploadedAt: string;
  files: StoredFile[];
  /** Site folders relative to the section's prefix (`''` or `a/b/`), so refresh can rebuild them. */
  sites?: string[];
}

export function manifestKey(prefix: string): string {
  return prefix ? `${prefix}/${MANIFEST_NAME}` : MANIFEST_NAME;
}

export function isManifestKey(key: string): boolean {
  return key === MANIFEST_NAME || key.endsWith(`/${MANIFEST_NAME}`);
}

export function parseStoredManifest(text: string, key: string): StoredManifest {
  let value: Partial<StoredManifest> | undefined;
  try {
    value = JSON.parse(text) as Partial<StoredManifest>;
  } catch {
    value = undefined;
  }
  if (!value || value.version !== 1 || !value.section?.id || !Array.isArray(value.files)) {
    throw new Error(`${key} is not a manifest this action wrote (version 1); delete it or upload again.`);
  }
  return value as StoredManifest;
}

/** The newest manifest of each section (a PR's later commits replace earlier ones), ordered by section. */
export function latestPerSection(manifests: StoredManifest[]): StoredManifest[] {
  const latest = new Map<string, StoredManifest>();
  for (const m of manifests) {
    const seen = latest.get(m.section.id);
    if (!seen || seen.uploadedAt < m.uploadedAt) latest.set(m.section.id, m);
  }
  return [...latest.values()].sort((a, b) => a.section.id.localeCompare(b.section.id));
}
