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
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/__tests__/unit/**/*.test.ts'], testTimeout: 10_000 },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/__tests__/integration/**/*.test.ts'], testTimeout: 60_000 },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/__tests__/e2e/**/*.test.ts'],
      globalSetup: '<rootDir>/__tests__/support/fresh-bundle.mjs',
      testTimeout: 120_000,
    },
  ],
};
