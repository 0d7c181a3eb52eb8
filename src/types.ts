/** Where the objects live. */
export interface StoreTarget {
  /**
   * S3 endpoint, e.g. `https://s3.us-east-1.amazonaws.com` or `http://127.0.0.1:9000`. A path
   * (`https://gw.example.com/s3`) is kept as a prefix. Default: AWS's regional endpoint.
   */
  endpoint?: URL;
  bucket: string;
  /** Signing region (`auto` for R2, usually `us-east-1` for MinIO). */
  region: string;
  /** Always put the bucket in the path, as MinIO and most self-hosted stores need. */
  forcePathStyle: boolean;
}

/** What signs requests and links. */
export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

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
