export declare const S3_ACCESS_KEY: string;
export declare const S3_SECRET_KEY: string;
export interface LocalS3 {
  endpoint: string;
  directory: string;
  requests: { method: string; url: string; status: number }[];
  addCredentials(accessKeyId: string, secretAccessKey: string): Promise<void>;
  stop(): Promise<void>;
}
export declare function startS3Server(options?: { buckets?: string[]; port?: number }): Promise<LocalS3>;
