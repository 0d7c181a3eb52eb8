export interface Finding {
  line: number;
  message: string;
}
export interface PolicyOptions {
  /** Accept a `uses:` value that is not SHA-pinned (named exceptions only). */
  allowUses?: (ref: string) => boolean;
}
export declare function checkWorkflowPolicy(text: string, options?: PolicyOptions): Finding[];
export declare function pinnedUses(text: string): { line: number; action: string; sha: string; version: string }[];
