import { describe, expect, it } from '@jest/globals';
import { renderRefreshSummary } from '../../../src/render/refresh-summary.js';

const NOW = new Date('2026-11-22T14:00:00Z');

describe('renderRefreshSummary', () => {
  it('one row per renewed pull request, with the counts, the new expiry and the comment status', () => {
    const html = renderRefreshSummary(
      {
        rows: [
          { pr: 7, url: 'https://github.com/o/r/pull/7', sections: 2, files: 5, expiresAt: '2026-11-29T14:00:00.000Z', comment: 'updated' },
          { pr: 3, url: 'https://github.com/o/r/pull/3', sections: 1, files: 1, expiresAt: '2026-11-29T14:00:00.000Z', comment: 'failed' },
        ],
        skipped: 4,
        about: 'Signed with the dedicated signing key: valid 7d <b>',
        notes: ['2 files of the earlier upload of #7 are gone'],
      },
      NOW,
    );
    expect(html).toContain('<p>6 links in 2 open pull requests. 4 open pull requests have no artifacts and were skipped.</p>');
    expect(html).toContain('<tr><th>Pull request</th><th>Sections</th><th>Files</th><th>New expiry</th><th>Comment</th></tr>');
    expect(html).toContain('<td><a href="https://github.com/o/r/pull/7">#7</a></td><td align="right">2</td><td align="right">5</td>');
    expect(html).toMatch(/2026-11-29 14:00 UTC \(in 7 days\)<\/td><td>updated<\/td>/);
    expect(html).toContain('<td>failed</td>');
    expect(html).toContain('valid 7d &#60;b&#62;');
    expect(html).toContain('⚠️ 2 files of the earlier upload of #7 are gone');
  });

  it('says so when no open pull request has artifacts', () => {
    const html = renderRefreshSummary({ rows: [], skipped: 1, notes: [] }, NOW);
    expect(html).toContain('<p>0 links in 0 open pull requests. 1 open pull request has no artifacts and was skipped.</p>');
    expect(html).not.toContain('<table>');
  });
});
