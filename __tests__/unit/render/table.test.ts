import { describe, expect, it } from '@jest/globals';
import { renderRow } from '../../../src/render/table.js';

const entry = (path: string, contentType: string) => ({
  path,
  key: `p/${path}`,
  size: 10,
  sha256: 'ab'.repeat(32),
  contentType,
  url: `https://bucket.example/p/${path}?X-Amz-Signature=1`,
  expiresAt: '2026-12-09T00:00:00.000Z',
});

describe('renderRow: the title says what a click does', () => {
  it('opens pages and images, downloads archives', () => {
    expect(renderRow(entry('index.html', 'text/html'))).toContain('"Open in the browser")');
    expect(renderRow(entry('a.png', 'image/png'))).toContain('"Open in the browser")');
    expect(renderRow(entry('a.zip', 'application/zip'))).toContain('"Download")');
  });
  it("a fork's HTML, SVG and XML download (they are attachments); its images still open", () => {
    for (const [p, t] of [
      ['index.html', 'text/html'],
      ['a.svg', 'image/svg+xml'],
      ['f.xml', 'application/xml'],
    ])
      expect(renderRow(entry(p, t), undefined, undefined, true)).toContain('"Download")');
    expect(renderRow(entry('a.png', 'image/png'), undefined, undefined, true)).toContain('"Open in the browser")');
  });
});
