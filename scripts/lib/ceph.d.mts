import type { S3Client } from '@aws-sdk/client-s3';
export declare const CEPH_ACCESS_KEY: string;
export declare const CEPH_SECRET_KEY: string;
export declare const CEPH_USER: string;
export declare const CEPH_BINARIES: string[];
export declare function missingCephBinaries(): string[];
export interface LocalCeph {
  /** `http://127.0.0.1:PORT`: radosgw's S3 API (path-style, any region name). */
  endpoint: string;
  /** The temp directory holding the config, logs and sockets (deleted by stop()). */
  directory: string;
  pids: { mon: number; osd: number; rgw: number };
  startupMs: number;
  rssBytes(): number;
  /** The last lines of each daemon's log, for a failing test's message. */
  logs(): Record<string, string>;
  stop(): Promise<void>;
}
export declare function startCeph(options?: { buckets?: string[]; timeoutMs?: number }): Promise<LocalCeph>;
export declare function cephClient(endpoint: string): S3Client;
