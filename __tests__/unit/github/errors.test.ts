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
    expect(explainGitHubError({ status: 403, message: 'Must have admin rights' }, 3)).toBe(
      'Could not comment on PR #3: Must have admin rights',
    );
  });

  it.each([
    [403, 'API rate limit exceeded for installation ID 1.'],
    [403, 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'],
    [429, 'You have exceeded a secondary rate limit.'],
  ])('explains a rate limit (%s) that lifts later than the step waits', (status, message) => {
    const text = explainGitHubError({ status, message }, 3);
    expect(text).toMatch(/^Could not comment on PR #3: GitHub's API rate limit was reached/);
    expect(text).toContain('about a minute');
    expect(text).toContain('The links are in the job summary and the outputs');
  });

  it('passes the budget error through with where the links are', () => {
    const error = Object.assign(new Error('GitHub took more than 60 s in all.'), { name: 'GitHubBudgetExceeded' });
    expect(explainGitHubError(error, 4)).toMatch(/^Could not comment on PR #4: GitHub took more than 60 s in all\. The links are in/);
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
