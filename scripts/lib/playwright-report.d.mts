export declare const PLAYWRIGHT_TESTS: { passed: string; failed: string };
export declare function playwrightReport(project: string): Promise<string>;
