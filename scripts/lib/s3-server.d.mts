export declare const S3_ACCESS_KEY: string;
export declare const S3_SECRET_KEY: string;
export interface LocalS3 {
  endpoint: string;
  directory: string;
  /** bytes: the response body (its Content-Length; 0 for HEAD). */
  requests: { method: string; url: string; status: number; bytes: number }[];
  addCredentials(accessKeyId: string, secretAccessKey: string): Promise<void>;
  stop(): Promise<void>;
}
export declare function startS3Server(options?: { buckets?: string[]; port?: number }): Promise<LocalS3>;
