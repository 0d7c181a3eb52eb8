import { describe, expect, it } from '@jest/globals';
import { explainGitHubError } from '../../../src/github/errors.js';

describe('explainGitHubError', () => {
  it('explains a read-only token (fork PRs) and names both fixes', () => {
    const message = explainGitHubError({ status: 403, message: 'Resource not accessible by integration' }, 12);
    expect(message).toMatch(/^Could not comment on PR #12: the token is read-only \(403 Resource not accessible by integration\)\./);
    expect(message).toContain('two-stage setup');
    expect(message).toContain('workflow_run');
    expect(message).toContain("'permissions: pull-requests: write'");
    expect(message).toContain('The upload, outputs and summary are unaffected.');
  });

  it('passes other 403s through with their message', () => {
    expect(explainGitHubError({ status: 403, message: 'API rate limit exceeded' }, 3)).toBe(
      'Could not comment on PR #3: API rate limit exceeded',
    );
  });

  it('names pr-number and visibility on 404', () => {
    expect(explainGitHubError({ status: 404, message: 'Not Found' }, 7)).toBe(
      "Could not comment on PR #7: not found (404). Check 'pr-number' and that the token can see this repository.",
    );
  });

  it('names github-token on 401', () => {
    expect(explainGitHubError({ status: 401, message: 'Bad credentials' }, 7)).toBe(
      "Could not comment on PR #7: the GitHub token was rejected (401 Bad credentials). Check 'github-token'.",
    );
  });

  it('keeps the message of anything else', () => {
    expect(explainGitHubError(new Error('socket hang up'), 9)).toBe('Could not comment on PR #9: socket hang up');
    expect(explainGitHubError('plain text', 9)).toBe('Could not comment on PR #9: plain text');
    expect(explainGitHubError(undefined, 9)).toBe('Could not comment on PR #9: undefined');
  });
});
