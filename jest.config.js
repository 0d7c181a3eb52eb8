/**
 * Three tiers, as Jest projects (ESM + TypeScript: ts-jest transpiles, `npm run typecheck` checks):
 * - unit: pure code, no servers (seconds);            npm run test:unit
 * - integration: modules against local servers
 *   (s3rver, the GitHub fake, moto, the fault proxy); npm run test:integration
 * - e2e: the bundled action (dist/index.js), run as the runner does; npm run test:e2e
 *   Its global setup rebuilds dist/ first when a file in src/ is newer.
 */
const common = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true }] },
};

export default {
  // Per-test default for every tier (a project-level testTimeout is ignored); slow tests set their own.
  testTimeout: 120_000,
  // The e2e and integration suites mostly wait on local servers, child processes and the comment's
  // settle window: three at once keep a 2-core machine busy (under 3 min for npm test on 2 cores).
  maxWorkers: 3,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/__tests__/unit/**/*.test.ts'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/__tests__/integration/**/*.test.ts'] },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/__tests__/e2e/**/*.test.ts'],
      globalSetup: '<rootDir>/__tests__/support/fresh-bundle.mjs',
    },
  ],
};
