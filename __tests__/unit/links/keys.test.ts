import { describe, expect, it } from '@jest/globals';
import {
  checkKeyPlan,
  DEFAULT_KEY_PREFIX,
  findableScope,
  forkRef,
  isReservedKey,
  KEY_VARIABLES,
  type KeyContext,
  objectKey,
  renderKeyPrefix,
  RESERVED_SEGMENT,
  RUN_SPECIFIC_VARIABLES,
  scopePrefix,
  slug,
} from '../../../src/links/keys.js';

const SHA = '0123456789abcdef0123456789abcdef01234567';
const BASE: KeyContext = {
  owner: 'octo-org',
  repo: 'widgets',
  sha: SHA,
  runId: '123456',
  runAttempt: '2',
  job: 'build',
  ref: 'main',
  section: 'build-ubuntu-latest-20',
};
const PR: KeyContext = { ...BASE, pr: 42, ref: 'feature/x y' };

describe('renderKeyPrefix: variables', () => {
  it.each([
    ['{owner}', BASE, 'octo-org'],
    ['{repo}', BASE, 'widgets'],
    ['{pr}', PR, '42'],
    ['{scope}', PR, 'pr-42'],
    ['{scope}', BASE, 'ref-main'],
    ['{sha}', BASE, SHA],
    ['{short_sha}', BASE, '0123456'],
    ['{run_id}', BASE, '123456'],
    ['{run_attempt}', BASE, '2'],
    ['{job}', BASE, 'build'],
    ['{ref}', BASE, 'main'],
    ['{section}', BASE, 'build-ubuntu-latest-20'],
  ])('renders %s', (template, ctx, expected) => {
    expect(renderKeyPrefix(template, ctx)).toBe(expected);
  });

  it('knows exactly the documented variables', () => {
    expect([...KEY_VARIABLES].sort()).toEqual(
      ['owner', 'repo', 'pr', 'scope', 'sha', 'short_sha', 'run_id', 'run_attempt', 'job', 'ref', 'section'].sort(),
    );
  });

  it('renders the default template for a push and for a pull request', () => {
    expect(DEFAULT_KEY_PREFIX).toBe('{owner}/{repo}/{scope}/{short_sha}/{section}');
    expect(renderKeyPrefix(DEFAULT_KEY_PREFIX, BASE)).toBe('octo-org/widgets/ref-main/0123456/build-ubuntu-latest-20');
    expect(renderKeyPrefix(DEFAULT_KEY_PREFIX, PR)).toBe('octo-org/widgets/pr-42/0123456/build-ubuntu-latest-20');
  });

  it('mixes literal text and variables, including several in one segment', () => {
    expect(renderKeyPrefix('ci/{owner}-{repo}/run-{run_id}.{run_attempt}', BASE)).toBe('ci/octo-org-widgets/run-123456.2');
  });

  it.each([
    ['feature/x y', 'feature-x-y'],
    ['release/v1.2', 'release-v1.2'],
    ['../../etc', 'etc'],
    ['..', '_'],
    ['/', '_'],
    ['a\\b', 'a-b'],
    ['a//b', 'a-b'],
    ['dependabot/npm_and_yarn/@types/node-24', 'dependabot-npm_and_yarn-types-node-24'],
    ['ünïcödé', 'n-c-d'],
    ['.hidden-', 'hidden'],
    ['{owner}', 'owner'],
  ])('slugs the value %j to the single segment %j', (ref, expected) => {
    expect(renderKeyPrefix('x/{ref}/y', { ...BASE, ref })).toBe(`x/${expected}/y`);
  });

  it('slugs the {scope} of a branch with slashes and spaces', () => {
    expect(renderKeyPrefix('{scope}', { ...BASE, ref: 'feature/x y' })).toBe('ref-feature-x-y');
  });

  it('slugs every value, so no variable can add a segment', () => {
    const hostile: KeyContext = {
      owner: '../o',
      repo: 'r/..',
      sha: 'a/b',
      runId: '1/2',
      runAttempt: '..',
      job: 'j/k',
      ref: '/',
      section: 's\\t',
      pr: 7,
    };
    const rendered = renderKeyPrefix(KEY_VARIABLES.map((v) => `{${v}}`).join('/'), hostile);
    expect(rendered.split('/')).toHaveLength(KEY_VARIABLES.length);
    expect(rendered.split('/')).not.toContain('..');
  });
});

describe('renderKeyPrefix: errors', () => {
  it('refuses {pr} when the run has no pull request, suggesting {scope} and pr-number', () => {
    expect(() => renderKeyPrefix('{owner}/{pr}', BASE)).toThrow(
      /^Input 'key-prefix' uses \{pr\}, but this run has no pull request\..*\{scope\}.*'pr-number'/,
    );
  });

  it.each(['{foo}', '{}', '{ owner }', '{OWNER}', 'a/{short-sha}'])(
    'refuses the unknown variable in %j, listing the known ones',
    (template) => {
      let message = '';
      try {
        renderKeyPrefix(template, PR);
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).toMatch(/^Input 'key-prefix' has an unknown variable \{/);
      for (const v of KEY_VARIABLES) expect(message).toContain(`{${v}}`);
    },
  );

  it.each([
    ['../x', 'contains a "." or ".." segment'],
    ['a/../b', 'contains a "." or ".." segment'],
    ['a/..', 'contains a "." or ".." segment'],
    ['./a', 'contains a "." or ".." segment'],
    ['a/./b', 'contains a "." or ".." segment'],
    ['/abs', 'starts with "/"'],
    ['/abs/{owner}/', 'starts with "/"'],
    ['a\\b', 'contains a backslash'],
    ['a//b', 'contains an empty segment ("//")'],
    ['{owner}//{repo}', 'contains an empty segment ("//")'],
    ['a{', 'has an unbalanced { or }'],
    ['a}b', 'has an unbalanced { or }'],
    ['{{owner}}', 'has an unbalanced { or }'],
    ['a\tb', 'contains a control character'],
    ['a\u0000b', 'contains a control character'],
    ['x'.repeat(513), 'is longer than 512 bytes'],
    ['é'.repeat(257), 'is longer than 512 bytes'],
  ])('rejects %j: %s, naming the input', (template, problem) => {
    expect(() => renderKeyPrefix(template, BASE)).toThrow(`Input 'key-prefix' ${problem}`);
  });

  it('accepts a prefix of exactly 512 bytes', () => {
    expect(renderKeyPrefix('x'.repeat(512), BASE)).toHaveLength(512);
  });

  it.each([
    ['a/b/', 'a/b'],
    ['a/b///', 'a/b'],
    ['  a/b/  ', 'a/b'],
    ['{owner}/', 'octo-org'],
    ['', ''],
    ['a..b/.c/d.', 'a..b/.c/d.'],
  ])('trims %j to %j', (template, expected) => {
    expect(renderKeyPrefix(template, BASE)).toBe(expected);
  });
});

describe('slug', () => {
  it.each([
    ['plain', 'plain'],
    ['A.b_c-D9', 'A.b_c-D9'],
    ['a  b', 'a-b'],
    ['a - b', 'a-b'],
    ['---', '_'],
    ['', '_'],
    ['...', '_'],
    ['-.a.-', 'a'],
  ])('%j → %j', (value, expected) => {
    expect(slug(value)).toBe(expected);
  });
});

describe('objectKey', () => {
  it.each([
    ['p', 'a.txt', 'p/a.txt'],
    ['p/q', 'sub/dir/a.txt', 'p/q/sub/dir/a.txt'],
    // A backslash is an ordinary character of a Linux file name, never a separator.
    ['p', 'sub\\dir\\a.txt', 'p/sub\\dir\\a.txt'],
    ['p', '..\\other-section\\x.txt', 'p/..\\other-section\\x.txt'],
    ['', 'sub/a.txt', 'sub/a.txt'],
    ['p', '日本語 ファイル.txt', 'p/日本語 ファイル.txt'],
  ])('objectKey(%j, %j) = %j', (prefix, rel, key) => {
    expect(objectKey(prefix, rel)).toBe(key);
  });
});

describe('checkKeyPlan', () => {
  const plan = (...keys: string[]) => keys.map((key, i) => ({ path: `dist/file-${i}`, key }));

  it('accepts distinct sound keys, including backslashes and names like the old manifest', () => {
    expect(checkKeyPlan(plan('p/a\\b', 'p/a/b', 'p/.artifact-links.json', 'p/x/.artifact-links.json', 'p/.artifact-links'))).toEqual([]);
  });

  it('names both files that would share a key', () => {
    expect(
      checkKeyPlan([
        { path: 'dist/a.txt', key: 'p/a.txt' },
        { path: 'dist/b.txt', key: 'p/b.txt' },
        { path: 'other/a.txt', key: 'p/a.txt' },
      ]),
    ).toEqual([`'dist/a.txt' and 'other/a.txt' would both be stored as 'p/a.txt'.`]);
  });

  it.each([
    ['p//a.txt', 'empty'],
    ['/a.txt', 'empty'],
    ['p/a/', 'empty'],
    ['p/./a.txt', '"."'],
    ['p/../q/a.txt', '".."'],
    ['..', '".."'],
  ])('refuses %j (an %s segment), naming the file', (key) => {
    expect(checkKeyPlan([{ path: 'dist/x', key }])).toEqual([
      `'dist/x' would be stored as '${key}', which has an empty, "." or ".." segment.`,
    ]);
  });

  it.each(['s/.artifact-links/a.json', 's/pr-1/abc/.artifact-links/x', '.artifact-links/x'])(
    "refuses %j, inside the action's reserved namespace",
    (key) => {
      expect(checkKeyPlan([{ path: 'dist/x', key }])).toEqual([
        `'dist/x' would be stored as '${key}', inside a "${RESERVED_SEGMENT}" folder, which is reserved for the action's own objects.`,
      ]);
      expect(isReservedKey(key)).toBe(true);
    },
  );

  it.each(['p/.artifact-links-sw.js', 'p/docs/.artifact-links-sw.js', '.artifact-links-sw.js'])(
    "refuses %j, the name of a site's service worker, reserved in every folder",
    (key) => {
      expect(checkKeyPlan([{ path: 'dist/x', key }])).toEqual([
        `'dist/x' would be stored as '${key}': the name .artifact-links-sw.js is reserved for the action's own objects (a site's service worker).`,
      ]);
      expect(isReservedKey(key)).toBe(true);
    },
  );

  it.each(['p/.artifact-links-sw.js.bak', 'p/.artifact-links-sw.js/x', 'p/my.artifact-links-sw.js', 'p/.artifact-links-open.html'])(
    'accepts %j: only the exact worker name is reserved outside a .artifact-links folder',
    (key) => {
      expect(checkKeyPlan([{ path: 'dist/x', key }])).toEqual([]);
      expect(isReservedKey(key)).toBe(false);
    },
  );

  it('accepts a key of exactly 1024 bytes and refuses 1025, counting bytes', () => {
    expect(checkKeyPlan(plan(`p/${'a'.repeat(1022)}`))).toEqual([]);
    expect(checkKeyPlan(plan(`p/${'a'.repeat(1023)}`))).toEqual([
      `The object key for 'dist/file-0' is longer than S3's 1024-byte limit; shorten 'key-prefix' or the path.`,
    ]);
    expect(checkKeyPlan(plan(`p/${'é'.repeat(511)}`))).toEqual([]);
    expect(checkKeyPlan(plan(`p/${'é'.repeat(512)}`))).toHaveLength(1);
  });

  it('reports every problem of the plan, not just the first', () => {
    expect(checkKeyPlan(plan('p/a', 'p/a', 'p/../b', 'p/.artifact-links/m.json'))).toHaveLength(3);
  });
});

describe('scopePrefix and findableScope', () => {
  it('renders the template up to its {scope} or {pr} segment', () => {
    expect(scopePrefix(DEFAULT_KEY_PREFIX, PR)).toBe('octo-org/widgets/pr-42');
    expect(scopePrefix('ci/{owner}/{repo}/pr{pr}/{sha}', PR)).toBe('ci/octo-org/widgets/pr42');
    expect(scopePrefix('{scope}/', PR)).toBe('pr-42');
    expect(findableScope(DEFAULT_KEY_PREFIX, PR)).toEqual({ scope: 'octo-org/widgets/pr-42' });
  });

  it('refuses a template without {scope} or {pr}, naming key-prefix', () => {
    expect(() => scopePrefix('{owner}/{repo}/{short_sha}', PR)).toThrow(/^Input 'key-prefix' has no \{scope\} or \{pr\}, so mode refresh/);
    expect(findableScope('{owner}/{repo}/{short_sha}', PR)).toMatchObject({ runSpecific: false });
  });

  it.each(RUN_SPECIFIC_VARIABLES)('refuses {%s} before {scope}: a later run cannot find the objects again', (v) => {
    const template = `{owner}/{${v}}/{scope}/{section}`;
    expect(() => scopePrefix(template, PR)).toThrow(`Input 'key-prefix' has {${v}} before {scope} or {pr}, which a later run cannot know`);
    const found = findableScope(template, PR);
    expect(found).toMatchObject({ runSpecific: true });
    expect('problem' in found && found.problem).toMatch(/mode refresh and cleanup cannot find these objects again/);
  });

  it('allows run-specific variables after the scope', () => {
    expect(scopePrefix('{owner}/{repo}/{scope}/{run_id}/{sha}/{section}', PR)).toBe('octo-org/widgets/pr-42');
  });
});

describe("a fork never takes this repository's scope or keys", () => {
  const FORK: KeyContext = { ...BASE, fork: { repository: 'mallory/widgets' } };

  it("renders a fork's branch main as fork-<owner>-main-<hash>, not ref-main", () => {
    const scope = renderKeyPrefix('{owner}/{repo}/{scope}', FORK);
    expect(scope).toMatch(/^octo-org\/widgets\/fork-mallory-main-[0-9a-f]{10}$/);
    expect(scope).not.toBe(renderKeyPrefix('{owner}/{repo}/{scope}', BASE));
    expect(renderKeyPrefix('{ref}', FORK)).toBe(scope.split('/')[2]);
    expect(findableScope(DEFAULT_KEY_PREFIX, { ...FORK, section: '' })).toEqual({ scope });
  });

  it('keeps pr-N for a fork whose pull request is known', () => {
    expect(renderKeyPrefix('{scope}', { ...FORK, pr: 7 })).toBe('pr-7');
  });

  it('tells apart forks whose names slug alike, and branches of one fork', () => {
    const a = forkRef('a-b/c', 'main');
    const b = forkRef('a/b-c', 'main');
    expect(slug(a)).not.toBe(slug(b));
    expect(forkRef('mallory/widgets', 'main')).not.toBe(forkRef('mallory/widgets', 'dev'));
    expect(forkRef('mallory/widgets', 'main')).toBe(forkRef('mallory/widgets', 'main'));
  });
});
