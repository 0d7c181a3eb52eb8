import { describe, expect, it } from '@jest/globals';
import {
  explainCloudFrontFailure,
  explainSigningKeyFailure,
  parseXmlError,
  probeLink,
  type ProbeOutcome,
} from '../../../src/aws/signing-probe.js';

type Failure = Exclude<ProbeOutcome, { ok: true }>;

const S3_ACCESS_DENIED =
  '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>4442587FB7D0A2F9</RequestId><HostId>abc</HostId></Error>';

const CTX = { bucket: 'ci-artifacts', region: 'eu-west-1', keyPrefix: 'octo/repo/', where: 'S3 in eu-west-1' };

function failure(code: string, message = 'x', status: number | null = 403, fromS3 = true): Failure {
  return { ok: false, status: status ?? undefined, code, message, fromS3 };
}

describe('parseXmlError', () => {
  it('reads Code, Message and RequestId of an S3 error, unescaping entities', () => {
    expect(parseXmlError(S3_ACCESS_DENIED)).toEqual({ code: 'AccessDenied', message: 'Access Denied', requestId: '4442587FB7D0A2F9' });
    expect(parseXmlError('<Error><Code>X</Code><Message>a &lt;b&gt; &amp; &quot;c&quot;</Message></Error>').message).toBe('a <b> & "c"');
    expect(parseXmlError('not xml')).toEqual({ code: undefined, message: undefined, requestId: undefined });
  });
});

describe('explainSigningKeyFailure', () => {
  it("names the permission and the prefix-scoped ARN when access is denied, in the region's partition", () => {
    expect(explainSigningKeyFailure(failure('AccessDenied', 'Access Denied'), CTX)).toContain(
      "Allow the signing IAM user ('signing-access-key-id') s3:GetObject on arn:aws:s3:::ci-artifacts/octo/repo/*",
    );
    expect(explainSigningKeyFailure(failure('AccessDenied'), { ...CTX, region: 'cn-north-1' })).toContain(
      'arn:aws-cn:s3:::ci-artifacts/octo/repo/*',
    );
    expect(explainSigningKeyFailure(failure('AccessDenied'), { ...CTX, region: 'us-gov-west-1' })).toContain('arn:aws-us-gov:s3:::');
  });

  it('points at KMS when S3 says the key may not decrypt', () => {
    const message = explainSigningKeyFailure(
      failure('AccessDenied', 'User: arn:aws:iam::1:user/s is not authorized to perform: kms:Decrypt'),
      CTX,
    );
    expect(message).toContain('allow the signing IAM user kms:Decrypt on that key');
  });

  it.each([
    ['InvalidAccessKeyId', "does not know the access key in 'signing-access-key-id'"],
    ['SignatureDoesNotMatch', "'signing-secret-access-key' is not the secret"],
    ['NoSuchBucket', "Bucket 'ci-artifacts' does not exist at S3 in eu-west-1"],
    ['ExpiredToken', 'must be a long-term IAM user access key'],
    ['RequestTimeTooSkewed', "runner's clock"],
    ['PermanentRedirect', "set 'region' to the bucket's region"],
    ['SomethingNew', "Check 'signing-access-key-id' and 'signing-secret-access-key'"],
  ])('%s: %s', (code, expected) => {
    const message = explainSigningKeyFailure(failure(code, 'S3 said so'), CTX);
    expect(message).toContain(`(${code}, HTTP 403: S3 said so)`);
    expect(message).toContain(expected);
  });
});

describe('explainCloudFrontFailure', () => {
  const ctx = { cloudFrontUrl: 'https://d111111abcdef8.cloudfront.net', bucket: 'ci-artifacts', key: 'octo/repo/a.txt' };

  it('tells an S3 refusal behind CloudFront (Origin Access Control) from a refused signature', () => {
    expect(explainCloudFrontFailure(failure('AccessDenied', 'Access Denied', 403, true), ctx)).toContain(
      'give the distribution an Origin Access Control',
    );
    expect(explainCloudFrontFailure(failure('AccessDenied', 'Access denied', 403, false), ctx)).toContain(
      "'cloudfront-private-key' must be the private key",
    );
  });

  it('says when the distribution is unreachable or serves another origin', () => {
    expect(explainCloudFrontFailure(failure('ENOTFOUND', 'getaddrinfo ENOTFOUND', null, false), ctx)).toContain(
      "Could not reach https://d111111abcdef8.cloudfront.net: check 'cloudfront-url'",
    );
    expect(explainCloudFrontFailure(failure('NoSuchBucket', 'x', 404), ctx)).toContain('no origin path');
  });
});

describe('probeLink', () => {
  function fetchOf(...responses: (Response | Error)[]): { fetch: typeof fetch; calls: RequestInit[] } {
    const calls: RequestInit[] = [];
    return {
      calls,
      fetch: (async (_url: string, init: RequestInit) => {
        calls.push(init);
        const next = responses.shift()!;
        if (next instanceof Error) throw next;
        return next;
      }) as typeof fetch,
    };
  }

  it('asks for one byte and accepts 200, 206 and 416 (an empty object)', async () => {
    for (const status of [200, 206, 416]) {
      const f = fetchOf(new Response('x', { status }));
      expect(await probeLink('https://x/a', { fetch: f.fetch })).toEqual({ ok: true, status });
      expect(f.calls[0].headers).toEqual({ range: 'bytes=0-0' });
    }
  });

  it('does not retry a refusal', async () => {
    const f = fetchOf(new Response(S3_ACCESS_DENIED, { status: 403 }));
    expect(await probeLink('https://x/a', { fetch: f.fetch, sleep: async () => undefined })).toEqual({
      ok: false,
      status: 403,
      code: 'AccessDenied',
      message: 'Access Denied',
      fromS3: true,
    });
    expect(f.calls).toHaveLength(1);
  });

  it('retries server errors and network errors, then reports the last', async () => {
    const network = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET', message: 'socket hang up' } });
    const f = fetchOf(
      new Response('<Error><Code>SlowDown</Code><Message>slow</Message></Error>', { status: 503 }),
      network,
      new Response('', { status: 500, statusText: 'Internal Server Error' }),
    );
    expect(await probeLink('https://x/a', { fetch: f.fetch, sleep: async () => undefined })).toEqual({
      ok: false,
      status: 500,
      code: 'HTTP 500',
      message: 'Internal Server Error',
      fromS3: false,
    });
    expect(f.calls).toHaveLength(3);
  });
});
