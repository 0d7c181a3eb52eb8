/** One uploaded file, as reported in the `manifest` output, the summary and the comment. */
export interface ManifestEntry {
  /** Path relative to the workspace, as the user sees it. */
  path: string;
  /** Object key in the bucket. */
  key: string;
  size: number;
  /** Hex SHA-256 of the uploaded bytes. */
  sha256: string;
  contentType: string;
  /** Presigned GET link. */
  url: string;
  /** ISO 8601 time the link stops working. */
  expiresAt: string;
}

/** A file that exists in the bucket and gets a link. */
export type StoredFile = Omit<ManifestEntry, 'url' | 'expiresAt'>;
