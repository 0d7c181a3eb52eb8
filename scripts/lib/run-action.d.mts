export declare const ACTION: string;
export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  durationMs: number;
  peakRssBytes: number;
  outputs: Record<string, string>;
  summary: string;
  warnings: string[];
  errors: string[];
  notices: string[];
}
export declare function runAction(o?: {
  inputs?: Record<string, string>;
  env?: Record<string, string>;
  event?: object;
  eventName?: string;
  cwd?: string;
  timeoutMs?: number;
  /** Run the action as this user (needs root); its files and HOME are handed to it. */
  uid?: number;
  gid?: number;
}): Promise<ActionRun>;
export declare function parseOutputs(text: string): Record<string, string>;
