import { describe, expect, it } from '@jest/globals';
import { baseScope } from '../../../src/steps/base-build.js';
import { DEFAULT_KEY_PREFIX } from '../../../src/links/keys.js';

const CTX = { owner: 'octo', repo: 'app', sha: 'a'.repeat(40), runId: '1', runAttempt: '1', job: 'build', serverUrl: 'https://github.com' };

describe('baseScope', () => {
  it("is where a push to the pull request's base branch stores its manifests", () => {
    expect(baseScope({ keyPrefix: DEFAULT_KEY_PREFIX, ctx: { ...CTX, pr: 7, baseRef: 'main' } })).toBe('octo/app/ref-main');
    expect(baseScope({ keyPrefix: 'ci/{owner}/{scope}/{sha}', ctx: { ...CTX, pr: 7, baseRef: 'release/1.x' } })).toBe(
      'ci/octo/ref-release-1.x',
    );
  });

  it("a fork's pull request compares with this repository's base branch, not the fork's", () => {
    const fork = { repository: 'someone/app' };
    expect(baseScope({ keyPrefix: DEFAULT_KEY_PREFIX, ctx: { ...CTX, pr: 7, baseRef: 'main', fork } })).toBe('octo/app/ref-main');
  });

  it('is none without a pull request, a sound base branch, or a scope a push shares', () => {
    expect(baseScope({ keyPrefix: DEFAULT_KEY_PREFIX, ctx: { ...CTX, baseRef: 'main' } })).toBeUndefined();
    expect(baseScope({ keyPrefix: DEFAULT_KEY_PREFIX, ctx: { ...CTX, pr: 7 } })).toBeUndefined();
    expect(baseScope({ keyPrefix: DEFAULT_KEY_PREFIX, ctx: { ...CTX, pr: 7, baseRef: '../x' } })).toBeUndefined();
    expect(baseScope({ keyPrefix: '{owner}/{repo}/pr-{pr}/{section}', ctx: { ...CTX, pr: 7, baseRef: 'main' } })).toBeUndefined();
    expect(baseScope({ keyPrefix: '{run_id}/{scope}', ctx: { ...CTX, pr: 7, baseRef: 'main' } })).toBeUndefined();
  });
});
