import { describe, expect, it } from '@jest/globals';
import { isOurForm } from '../../../src/github/sticky-comment.js';

const MARKER = '<!-- s3-artifact-links:default -->';

describe('isOurForm', () => {
  it('is a comment whose first line is exactly the marker', () => {
    expect(isOurForm(`${MARKER}\n### Build artifacts`, MARKER)).toBe(true);
    expect(isOurForm(`${MARKER}\r\n### Build artifacts`, MARKER)).toBe(true);
    expect(isOurForm(MARKER, MARKER)).toBe(true);
  });
  it('is never a comment that merely contains or quotes the marker', () => {
    expect(isOurForm(`Quoting:\n> ${MARKER}\n${MARKER}`, MARKER)).toBe(false);
    expect(isOurForm(`> ${MARKER}`, MARKER)).toBe(false);
    expect(isOurForm(` ${MARKER}\n`, MARKER)).toBe(false);
    expect(isOurForm(`${MARKER}x\n`, MARKER)).toBe(false); // another marker that starts like ours
    expect(isOurForm('<!-- s3-artifact-links:default-2 -->\n', MARKER)).toBe(false);
  });
});
