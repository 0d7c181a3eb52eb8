import { describe, expect, it } from '@jest/globals';
import { DEFAULT_KEY_PREFIX } from '../../../src/links/keys.js';
import { assertForkKeys, contentTrust } from '../../../src/steps/untrusted.js';
import type { Logger } from '../../../src/util/log.js';

function logger(): { lines: string[]; log: Logger } {
  const lines: string[] = [];
  return { lines, log: { info: (m) => lines.push(`info: ${m}`), warning: (m) => lines.push(`warning: ${m}`) } };
}

const INPUTS = { browse: { mode: 'auto' } as const, trustForkContent: false, keyPrefix: DEFAULT_KEY_PREFIX };

describe('contentTrust', () => {
  it("trusts this repository's own files, saying nothing", () => {
    const { log, lines } = logger();
    expect(contentTrust({}, INPUTS, log)).toEqual({ untrusted: false, browse: { mode: 'auto' } });
    expect(lines).toEqual([]);
  });

  it("restricts a fork's files by default: no sites, active types as attachments, with a notice", () => {
    const { log, lines } = logger();
    const got = contentTrust({ fork: { repository: 'mallory/widgets' } }, { ...INPUTS, browse: { mode: 'folders', globs: ['docs'] } }, log);
    expect(got).toEqual({
      untrusted: true,
      browse: { mode: 'none' },
      note: expect.stringMatching(/^Built from the fork mallory\/widgets's code: no sites/),
      fork: 'mallory/widgets',
    });
    expect(lines.join('\n')).toMatch(
      /fork mallory\/widgets's code: no sites, and HTML, SVG and XML files are downloads.*'trust-fork-content': false/,
    );
    expect(lines.join('\n')).not.toMatch(/^warning/m);
  });

  it('names an unknown head repository as such', () => {
    const { log, lines } = logger();
    expect(contentTrust({ fork: { repository: 'unknown' } }, INPUTS, log).untrusted).toBe(true);
    expect(lines.join('\n')).toMatch(/a repository the event does not name/);
  });

  it('lifts the restriction with trust-fork-content, with a warning', () => {
    const { log, lines } = logger();
    expect(contentTrust({ fork: { repository: 'mallory/widgets' } }, { ...INPUTS, trustForkContent: true }, log)).toEqual({
      untrusted: false,
      browse: { mode: 'auto' },
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^warning: Input 'trust-fork-content' is true: the files were built from the fork mallory\/widgets's code/);
  });
});

describe('assertForkKeys', () => {
  it.each(['{owner}/{repo}/{scope}/{sha}', '{owner}/{repo}/{pr}', 'x/{ref}/{sha}'])('accepts %s', (template) => {
    expect(() => assertForkKeys(template, 'the fork m/w')).not.toThrow();
  });

  it('refuses a key prefix that could give a fork the keys of this repository', () => {
    expect(() => assertForkKeys('{owner}/{repo}/{short_sha}/{section}', 'the fork m/w')).toThrow(
      /^Input 'key-prefix' \('\{owner\}\/\{repo\}\/\{short_sha\}\/\{section\}'\) has no \{scope\}, \{pr\} or \{ref\}.*Nothing was uploaded\. Add \{scope\}/,
    );
  });
});
