import { describe, expect, it } from '@jest/globals';
import { Input } from '../../../src/config/constants.js';
import { DEFAULT_CONCURRENCY, getInputs, type Inputs } from '../../../src/config/inputs.js';
import { DEFAULT_KEY_PREFIX } from '../../../src/links/keys.js';

type Values = Partial<Record<(typeof Input)[keyof typeof Input], string>>;

const MINIMAL: Values = { path: 'dist/**', bucket: 'my-artifacts' };

/** getInputs over a fixed set of values; unknown names read as '' like core.getInput. */
function inputs(values: Values, env: NodeJS.ProcessEnv = {}): Inputs {
  const all: Record<string, string> = { ...MINIMAL, ...values };
  return getInputs((name) => all[name] ?? '', env);
}

function errorOf(values: Values, env: NodeJS.ProcessEnv = {}): string {
  try {
    inputs(values, env);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error(`expected getInputs to throw for ${JSON.stringify(values)}`);
}

describe('getInputs: defaults', () => {
  it('fills every default from the minimal inputs', () => {
    expect(inputs({})).toEqual({
      mode: 'upload',
      patterns: ['dist/**'],
      bucket: 'my-artifacts',
      region: 'us-east-1',
      endpoint: undefined,
      forcePathStyle: false,
      keyPrefix: DEFAULT_KEY_PREFIX,
      expiresInSeconds: 604_800,
      contentDisposition: 'auto',
      browse: { mode: 'auto' },
      trustForkContent: false,
      concurrency: DEFAULT_CONCURRENCY,
      ifNoFilesFound: 'warn',
      githubToken: '',
      comment: 'auto',
      prNumber: undefined,
      commentKey: '',
      section: '',
      matrix: '',
      failOnCommentError: false,
      commitStatus: true,
      publicRepo: 'warn',
      roleToAssume: undefined,
      roleSessionDuration: undefined,
      roleSessionName: 'github-artifact-links',
      audience: 'sts.amazonaws.com',
      credentialsExpireAt: undefined,
    });
    expect(DEFAULT_CONCURRENCY).toBe(16);
  });

  it('does not read process.env when an env is injected', () => {
    const saved = process.env.AWS_REGION;
    process.env.AWS_REGION = 'eu-west-3';
    try {
      expect(inputs({}, {}).region).toBe('us-east-1');
    } finally {
      if (saved === undefined) delete process.env.AWS_REGION;
      else process.env.AWS_REGION = saved;
    }
  });

  it('parses values that are set, trimming whitespace', () => {
    const got = inputs({
      mode: ' Refresh ',
      'key-prefix': ' {owner}/x ',
      'expires-in': ' 12h ',
      'content-disposition': 'ATTACHMENT',
      browse: ' coverage/lcov-report/\n\n  docs/* ',
      'trust-fork-content': ' TRUE ',
      concurrency: ' 8 ',
      'if-no-files-found': 'error',
      'github-token': ' ghs_x ',
      comment: 'always',
      'pr-number': '17',
      'comment-key': 'docs',
      section: 'linux',
      matrix: '{"os":"linux"}',
      'public-repo': 'refuse',
      'role-session-duration': '2h',
      'role-session-name': 'ci',
      audience: 'sts.example',
    });
    expect(got).toMatchObject({
      mode: 'refresh',
      keyPrefix: '{owner}/x',
      expiresInSeconds: 43_200,
      contentDisposition: 'attachment',
      browse: { mode: 'folders', globs: ['coverage/lcov-report', 'docs/*'] },
      trustForkContent: true,
      concurrency: 8,
      ifNoFilesFound: 'error',
      githubToken: 'ghs_x',
      comment: 'always',
      prNumber: 17,
      commentKey: 'docs',
      section: 'linux',
      matrix: '{"os":"linux"}',
      publicRepo: 'refuse',
      roleSessionDuration: 7200,
      roleSessionName: 'ci',
      audience: 'sts.example',
    });
  });

  it('reads one pattern per line, trimming and dropping blank lines, keeping ! exclusions', () => {
    expect(inputs({ path: '  dist/**  \r\n\n!dist/**/*.map\n   \nreports/\n' }).patterns).toEqual([
      'dist/**',
      '!dist/**/*.map',
      'reports/',
    ]);
  });

  it.each(['refresh', 'cleanup'])('does not require path in %s mode', (mode) => {
    expect(inputs({ mode, path: '' }).patterns).toEqual([]);
  });

  it('accepts an expires-in over 7 days (capped later, with a message)', () => {
    expect(inputs({ 'expires-in': '8d' }).expiresInSeconds).toBe(691_200);
  });
});

describe('getInputs: every error names its input', () => {
  it.each<[string, Values, string]>([
    ['bad mode', { mode: 'delete' }, "Input 'mode' is 'delete'; use one of: upload, refresh, cleanup."],
    ['trust-fork-content not a boolean', { 'trust-fork-content': 'maybe' }, "Input 'trust-fork-content' is 'maybe'; use true or false."],
    ['browse folder outside the upload', { browse: '../site' }, `Input 'browse' contains a "." or ".." segment: '../site'.`],
    ['browse mixing auto and folders', { browse: 'auto\ndocs' }, "Input 'browse' mixes auto/none with folder globs"],
    ['empty path in upload mode', { path: '' }, "Input 'path' is required"],
    ['blank lines only in path', { path: ' \n \n' }, "Input 'path' is required"],
    ['missing bucket', { bucket: '' }, "Input 'bucket' is required"],
    ['s3:// bucket', { bucket: 's3://x' }, "Input 'bucket' is 's3://x'; give the bare bucket name"],
    ['bucket with a path', { bucket: 'b/folder' }, "Input 'bucket' is 'b/folder'; give the bare bucket name"],
    ['uppercase/underscore bucket on AWS', { bucket: 'my_Bucket' }, "Input 'bucket' is 'my_Bucket', which is not a valid bucket name"],
    ['too short bucket', { bucket: 'ab' }, "Input 'bucket' is 'ab', which is not a valid bucket name"],
    ['too long bucket', { bucket: 'a'.repeat(64) }, 'which is not a valid bucket name'],
    ['bucket ending in a hyphen', { bucket: 'bucket-' }, "Input 'bucket' is 'bucket-'"],
    ['bucket with ..', { bucket: 'a..b' }, "Input 'bucket' is 'a..b'"],
    ['IP-address bucket', { bucket: '192.168.1.1' }, "Input 'bucket' is '192.168.1.1'"],
    ['ftp endpoint', { endpoint: 'ftp://x' }, "Input 'endpoint' is 'ftp://x', which is not an S3 endpoint URL"],
    ['endpoint without a scheme', { endpoint: 'not a url' }, "Input 'endpoint' is 'not a url'"],
    ['bare host endpoint', { endpoint: 'minio.local:9000' }, "Input 'endpoint' is 'minio.local:9000'"],
    ['endpoint with a query', { endpoint: 'https://s3.example.com/?x=1' }, "Input 'endpoint' is 'https://s3.example.com/?x=1'"],
    ['endpoint with a hash', { endpoint: 'https://s3.example.com/#x' }, "Input 'endpoint' is 'https://s3.example.com/#x'"],
    [
      'endpoint with credentials',
      { endpoint: 'https://user:pw@s3.example.com' },
      "Input 'endpoint' is 'https://***@s3.example.com', which has user info",
    ],
    [
      'endpoint with a password only',
      { endpoint: 'http://:pw@127.0.0.1:9000' },
      "Input 'endpoint' is 'http://***@127.0.0.1:9000', which has user info",
    ],
    ['endpoint with a user only', { endpoint: 'http://user@127.0.0.1:9000' }, 'which has user info'],
    ['non-AWS region without an endpoint', { region: 'moon-1' }, "Input 'region' is 'moon-1', which is not an AWS region name"],
    ['auto region without an endpoint', { region: 'auto' }, "Input 'region' is 'auto', which is not an AWS region name"],
    ['region with a space, with an endpoint', { region: 'us east', endpoint: 'http://127.0.0.1:9000' }, "Input 'region' is 'us east'"],
    ['bad expires-in', { 'expires-in': '7 days' }, "Input 'expires-in' is '7 days'"],
    [
      'bad content-disposition',
      { 'content-disposition': 'download' },
      "Input 'content-disposition' is 'download'; use one of: auto, inline, attachment.",
    ],
    ['concurrency 0', { concurrency: '0' }, "Input 'concurrency' is '0'; use a whole number from 1 to 32."],
    ['concurrency 33', { concurrency: '33' }, "Input 'concurrency' is '33'; use a whole number from 1 to 32."],
    ['concurrency abc', { concurrency: 'abc' }, "Input 'concurrency' is 'abc'"],
    ['concurrency -1', { concurrency: '-1' }, "Input 'concurrency' is '-1'"],
    ['concurrency 1.5', { concurrency: '1.5' }, "Input 'concurrency' is '1.5'"],
    ['bad if-no-files-found', { 'if-no-files-found': 'fail' }, "Input 'if-no-files-found' is 'fail'; use one of: warn, error, ignore."],
    ['bad comment', { comment: 'yes' }, "Input 'comment' is 'yes'; use one of: auto, always, never."],
    ['pr-number 0', { 'pr-number': '0' }, "Input 'pr-number' is '0'"],
    ['pr-number #12', { 'pr-number': '#12' }, "Input 'pr-number' is '#12'"],
    ['bad force-path-style', { 'force-path-style': 'maybe' }, "Input 'force-path-style' is 'maybe'; use true or false."],
    ['bad fail-on-comment-error', { 'fail-on-comment-error': 'nope' }, "Input 'fail-on-comment-error' is 'nope'; use true or false."],
    ['bad commit-status', { 'commit-status': 'maybe' }, "Input 'commit-status' is 'maybe'; use true or false."],
    ['bad public-repo', { 'public-repo': 'ignore' }, "Input 'public-repo' is 'ignore'; use one of: warn, refuse, allow."],
    ['role ARN that is an account id', { 'role-to-assume': '123456789012' }, "Input 'role-to-assume' is '123456789012'; use a role ARN"],
    ['role ARN of a user', { 'role-to-assume': 'arn:aws:iam::123456789012:user/me' }, "Input 'role-to-assume' is"],
    ['role ARN with a short account', { 'role-to-assume': 'arn:aws:iam::12345:role/x' }, "Input 'role-to-assume' is"],
    ['role ARN without a name', { 'role-to-assume': 'arn:aws:iam::123456789012:role/' }, "Input 'role-to-assume' is"],
    ['role name only', { 'role-to-assume': 'artifact-links' }, "Input 'role-to-assume' is 'artifact-links'"],
    ['bad role-session-duration', { 'role-session-duration': '1.5h' }, "Input 'role-session-duration' is '1.5h'"],
    [
      'credentials-expire-at not a time',
      { 'credentials-expire-at': 'tomorrow' },
      "Input 'credentials-expire-at' is 'tomorrow'; use an ISO 8601 time",
    ],
    ['credentials-expire-at date only', { 'credentials-expire-at': '2026-11-22' }, "Input 'credentials-expire-at' is '2026-11-22'"],
    [
      'credentials-expire-at impossible date',
      { 'credentials-expire-at': '2026-13-45T00:00:00Z' },
      "Input 'credentials-expire-at' is '2026-13-45T00:00:00Z'",
    ],
    ['credentials-expire-at epoch seconds', { 'credentials-expire-at': '1795000000' }, "Input 'credentials-expire-at' is '1795000000'"],
    [
      'credentials-expire-at without an offset (local time is ambiguous)',
      { 'credentials-expire-at': '2026-11-22T15:00:00' },
      'with Z or an offset',
    ],
    // Date would roll these over to another instant (2030-03-03, the next day, …): refused instead.
    ...[
      '2030-02-31T00:00:00Z',
      '2029-02-29T12:00:00Z',
      '2030-04-31T00:00:00Z',
      '2030-01-01T24:00:00Z',
      '2030-01-01T12:60:00Z',
      '2030-01-01T12:00:60Z',
      '2030-01-01T12:00:00+24:00',
    ].map((value): [string, Values, string] => [
      `credentials-expire-at impossible ${value}`,
      { 'credentials-expire-at': value },
      `Input 'credentials-expire-at' is '${value}'`,
    ]),
    ['role-session-name too short', { 'role-session-name': 'x' }, "Input 'role-session-name' is 'x'"],
    ['role-session-name with a space', { 'role-session-name': 'my session' }, "Input 'role-session-name' is 'my session'"],
  ])('%s', (_label, values, message) => {
    expect(errorOf(values)).toContain(message);
  });
});

describe('getInputs: an endpoint password never reaches the message', () => {
  it.each([
    'http://user:s3cr3t-pw@127.0.0.1:9000',
    'http://:s3cr3t-pw@127.0.0.1:9000',
    'https://user:s3cr3t-pw@s3.example.com/prefix',
    'http://user:s3cr3t-pw@host:notaport',
    'http://us:s3cr3t-pw/x@host',
    'http://user:s3cr3t-pw@@host',
  ])('%s', (endpoint) => {
    const message = errorOf({ endpoint });
    expect(message).toContain("Input 'endpoint'");
    expect(message).not.toContain('s3cr3t-pw');
  });
});

describe('getInputs: bucket, endpoint and region', () => {
  it.each(['abc', 'my-artifacts', 'my.artifacts.example', 'a1-b2', 'x'.repeat(63)])('accepts the AWS bucket name %j', (bucket) => {
    expect(inputs({ bucket }).bucket).toBe(bucket);
  });

  it.each(['my_Bucket', 'MinIO.Bucket', 'a'.repeat(100)])('accepts %j with a custom endpoint', (bucket) => {
    expect(inputs({ bucket, endpoint: 'http://127.0.0.1:9000' }).bucket).toBe(bucket);
  });

  it.each(['-bucket', 'ab', 'bucket.', 's3://bucket'])('still rejects %j with a custom endpoint', (bucket) => {
    expect(errorOf({ bucket, endpoint: 'http://127.0.0.1:9000' })).toContain(`Input 'bucket' is '${bucket}'`);
  });

  it.each([
    ['http://127.0.0.1:9000', 'http://127.0.0.1:9000/'],
    ['https://acct.r2.cloudflarestorage.com', 'https://acct.r2.cloudflarestorage.com/'],
    ['https://storage.example.com/s3/', 'https://storage.example.com/s3/'],
  ])('parses the endpoint %j into a URL', (endpoint, href) => {
    const got = inputs({ endpoint });
    expect(got.endpoint).toBeInstanceOf(URL);
    expect(got.endpoint?.href).toBe(href);
  });

  it.each([
    'us-east-1',
    'eu-west-3',
    'ap-southeast-2',
    'ca-central-1',
    'us-gov-west-1',
    'cn-north-1',
    'us-iso-east-1',
    'us-isob-east-1',
    'il-central-1',
  ])('accepts the AWS region %j without an endpoint', (region) => {
    expect(inputs({ region }).region).toBe(region);
  });

  // The AWS European Sovereign Cloud (partition aws-eusc, regionRegex ^eusc\-(de)\-\w+\-\d+$ in
  // @aws-sdk/core partitions.js) has no two-letter prefix.
  it('accepts the AWS European Sovereign Cloud region eusc-de-east-1 without an endpoint', () => {
    expect(inputs({ region: 'eusc-de-east-1' }).region).toBe('eusc-de-east-1');
  });

  it.each(['auto', 'moon-1', 'garage', 'us-east-1'])('accepts the region %j with an endpoint', (region) => {
    expect(inputs({ region, endpoint: 'https://s3.example.com' }).region).toBe(region);
  });

  it.each<[string, NodeJS.ProcessEnv, string]>([
    ['AWS_REGION', { AWS_REGION: 'eu-west-3' }, 'eu-west-3'],
    ['AWS_DEFAULT_REGION', { AWS_DEFAULT_REGION: 'ap-south-1' }, 'ap-south-1'],
    ['AWS_REGION over AWS_DEFAULT_REGION', { AWS_REGION: 'eu-west-3', AWS_DEFAULT_REGION: 'ap-south-1' }, 'eu-west-3'],
  ])('takes the region from %s when the input is empty', (_label, env, region) => {
    expect(inputs({}, env).region).toBe(region);
  });

  it('prefers the region input over the environment', () => {
    expect(inputs({ region: 'us-west-2' }, { AWS_REGION: 'eu-west-3' }).region).toBe('us-west-2');
  });

  it('validates a region that came from the environment, naming the input', () => {
    expect(errorOf({}, { AWS_REGION: 'moon-1' })).toContain("Input 'region' is 'moon-1'");
  });

  it.each<[string, Values, boolean]>([
    ['no endpoint', {}, false],
    ['an endpoint', { endpoint: 'http://127.0.0.1:9000' }, true],
    ['an endpoint and false', { endpoint: 'http://127.0.0.1:9000', 'force-path-style': 'false' }, false],
    ['no endpoint and true', { 'force-path-style': 'true' }, true],
  ])('force-path-style with %s is %s', (_label, values, expected) => {
    expect(inputs(values).forcePathStyle).toBe(expected);
  });
});

describe('getInputs: numbers and booleans', () => {
  it.each([
    ['1', 1],
    ['32', 32],
    ['016', 16],
  ])('concurrency %j → %i', (concurrency, n) => {
    expect(inputs({ concurrency }).concurrency).toBe(n);
  });

  it.each([
    ['true', true],
    ['TRUE', true],
    ['True', true],
    ['yes', true],
    ['on', true],
    ['1', true],
    ['false', false],
    ['FALSE', false],
    ['no', false],
    ['off', false],
    ['0', false],
    ['', false],
  ])('fail-on-comment-error %j → %s', (value, expected) => {
    expect(inputs({ 'fail-on-comment-error': value }).failOnCommentError).toBe(expected);
  });

  it('commit-status is on unless set to false', () => {
    expect(inputs({}).commitStatus).toBe(true);
    expect(inputs({ 'commit-status': 'false' }).commitStatus).toBe(false);
  });

  it.each(['upload', 'UPLOAD', 'Cleanup'])('mode %j is case-insensitive', (mode) => {
    expect(inputs({ mode }).mode).toBe(mode.toLowerCase());
  });
});

describe('getInputs: credentials', () => {
  it.each([
    'arn:aws:iam::123456789012:role/artifact-links',
    'arn:aws:iam::123456789012:role/path/to/ci-role',
    'arn:aws:iam::123456789012:role/service-role/Name_With+=,.@-chars',
    'arn:aws-us-gov:iam::123456789012:role/x',
    'arn:aws-cn:iam::123456789012:role/x',
  ])('accepts the role ARN %j', (arn) => {
    expect(inputs({ 'role-to-assume': arn }).roleToAssume).toBe(arn);
  });

  it.each([
    ['2026-11-22T15:00:00Z', '2026-11-22T15:00:00.000Z'],
    ['2026-11-22T15:00:00.123Z', '2026-11-22T15:00:00.123Z'],
    ['2026-11-22T16:00:00+01:00', '2026-11-22T15:00:00.000Z'],
    ['2028-02-29T00:00:00Z', '2028-02-29T00:00:00.000Z'], // a leap day that exists
    ['2026-11-22T23:59:59-05:00', '2026-11-23T04:59:59.000Z'],
  ])('parses credentials-expire-at %j', (value, iso) => {
    expect(inputs({ 'credentials-expire-at': value }).credentialsExpireAt?.toISOString()).toBe(iso);
  });
});
