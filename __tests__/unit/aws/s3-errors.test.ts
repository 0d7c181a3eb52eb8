import { describe, expect, it } from '@jest/globals';
import net from 'node:net';
import type { StoreTarget } from '../../../src/aws/s3-client.js';
import {
  deadCredentialsCause,
  deadCredentialsMessage,
  describeS3Error,
  isRetryableS3Error,
  runStoppingCause,
  s3Retry,
} from '../../../src/aws/s3-errors.js';

describe('isRetryableS3Error', () => {
  const status = (httpStatusCode: number, name = 'Unknown') => Object.assign(new Error('x'), { name, $metadata: { httpStatusCode } });
  const code = (c: string) => Object.assign(new Error(`connect ${c}`), { code: c });

  it.each<[string, unknown]>([
    ['500', status(500, 'InternalError')],
    ['502 without a known name', status(502)],
    ['503 SlowDown', status(503, 'SlowDown')],
    ['429', status(429)],
    ['$retryable', Object.assign(new Error('x'), { $retryable: { throttling: true } })],
    ['SlowDown by name', Object.assign(new Error('x'), { name: 'SlowDown' })],
    ['RequestTimeout', Object.assign(new Error('x'), { name: 'RequestTimeout' })],
    ['TimeoutError', Object.assign(new Error('x'), { name: 'TimeoutError' })],
    ['ECONNRESET', code('ECONNRESET')],
    ['EPIPE', code('EPIPE')],
    ['ETIMEDOUT', code('ETIMEDOUT')],
    ['EAI_AGAIN', code('EAI_AGAIN')],
    ['socket hang up', new Error('socket hang up')],
    ['400 BadDigest (the body changed in transit; it is sent again from memory)', status(400, 'BadDigest')],
    ['400 XAmzContentSHA256Mismatch', status(400, 'XAmzContentSHA256Mismatch')],
  ])('retries %s', (_label, error) => {
    expect(isRetryableS3Error(error)).toBe(true);
  });

  it.each<[string, unknown]>([
    ['AccessDenied 403', status(403, 'AccessDenied')],
    ['NoSuchBucket 404', status(404, 'NoSuchBucket')],
    ['SignatureDoesNotMatch 403', status(403, 'SignatureDoesNotMatch')],
    ['InvalidAccessKeyId', status(403, 'InvalidAccessKeyId')],
    ['ENOTFOUND', code('ENOTFOUND')],
    ['a plain Error', new Error('nope')],
    ['null', null],
    ['undefined', undefined],
    ['a string', 'ECONNRESET-ish string'],
  ])('does not retry %s', (_label, error) => {
    expect(isRetryableS3Error(error)).toBe(false);
  });
});

describe('describeS3Error', () => {
  const AWS: StoreTarget = { bucket: 'my-artifacts', region: 'eu-west-3', forcePathStyle: false };
  const MINIO: StoreTarget = { bucket: 'ci', region: 'auto', endpoint: new URL('http://127.0.0.1:9000'), forcePathStyle: true };
  const aws = (name: string, message = 'msg') => Object.assign(new Error(message), { name });

  it('names the missing permissions and the resource on AccessDenied', () => {
    const text = describeS3Error(aws('AccessDenied', 'Access Denied'), AWS, 'write objects');
    expect(text).toMatch(/^AccessDenied: Access Denied\. The credentials may not write objects in bucket 'my-artifacts'/);
    expect(text).toContain('s3:PutObject');
    expect(text).toContain('s3:GetObject');
    expect(text).toContain('arn:aws:s3:::my-artifacts/');
  });

  it.each<[string, StoreTarget, string]>([
    ['AWS', AWS, "Bucket 'my-artifacts' was not found at S3 in eu-west-3: check 'bucket', 'region' and 'endpoint'."],
    ['a custom endpoint', MINIO, "Bucket 'ci' was not found at 127.0.0.1:9000: check 'bucket', 'region' and 'endpoint'."],
  ])('names bucket, region and endpoint on NoSuchBucket (%s)', (_label, target, tail) => {
    expect(describeS3Error(aws('NoSuchBucket', 'The specified bucket does not exist'), target, 'x')).toBe(
      `NoSuchBucket: The specified bucket does not exist. ${tail}`,
    );
  });

  it('explains SignatureDoesNotMatch as the secret key or the region', () => {
    const text = describeS3Error(aws('SignatureDoesNotMatch'), AWS, 'x');
    expect(text).toContain('secret access key is wrong');
    expect(text).toContain("'region' does not match");
  });

  it.each<[string, string]>([
    ['Forbidden', 's3:PutObject'],
    ['NotFound', "Bucket 'my-artifacts' was not found"],
    ['InvalidAccessKeyId', 'The access key ID is not known to S3 in eu-west-3'],
    ['ExpiredToken', 'role-session-duration'],
    ['PermanentRedirect', "set 'region' to the bucket's region"],
    ['AuthorizationHeaderMalformed', "set 'region' to the bucket's region"],
    ['TimeoutError', "Could not reach S3 in eu-west-3: check 'endpoint'"],
  ])('explains %s', (name, hint) => {
    expect(describeS3Error(aws(name), AWS, 'x')).toContain(hint);
  });

  it('uses the error code when there is no name', () => {
    expect(describeS3Error({ code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND x' }, MINIO, 'x')).toContain(
      "Could not reach 127.0.0.1:9000: check 'endpoint'",
    );
  });

  // Node network errors have name 'Error' and the reason in `code` (dns.lookup gives
  // { name: 'Error', code: 'ENOTFOUND' }; NodeHttpHandler renames only ECONNRESET/EPIPE/ETIMEDOUT
  // to TimeoutError and passes these on): the code decides the hint about 'endpoint'.
  it.each([
    ['ENOTFOUND', 'getaddrinfo ENOTFOUND ci.s3.example.invalid'],
    ['EAI_AGAIN', 'getaddrinfo EAI_AGAIN ci.s3.example.invalid'],
  ])('explains a Node %s error (name "Error", code set)', (c, message) => {
    const error = Object.assign(new Error(message), { code: c, errno: -3008, syscall: 'getaddrinfo', hostname: 'ci.s3.example.invalid' });
    expect(error.name).toBe('Error');
    expect(describeS3Error(error, MINIO, 'x')).toContain("Could not reach 127.0.0.1:9000: check 'endpoint'");
  });

  // The same, with a real ECONNREFUSED from connecting to a closed local port.
  it('explains a real ECONNREFUSED from a closed port', async () => {
    const server = net.createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as net.AddressInfo;
    await new Promise<void>((r) => server.close(() => r()));
    const error = await new Promise<Error>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.on('error', resolve);
    });
    expect((error as NodeJS.ErrnoException).code).toBe('ECONNREFUSED');
    expect(isRetryableS3Error(error)).toBe(true);
    expect(describeS3Error(error, MINIO, 'x')).toContain("Could not reach 127.0.0.1:9000: check 'endpoint'");
  });

  it('says a body that reached the store changed was not linked', () => {
    expect(describeS3Error(aws('BadDigest', 'The Content-MD5 you specified did not match'), AWS, 'x')).toMatch(
      /^BadDigest: The Content-MD5 you specified did not match\. The bytes that reached S3 in .* differed from the file on every retry.*no link was made for it\.$/,
    );
  });

  // Ceph's radosgw answers `<Message></Message>`, and the SDK then sets message 'UnknownError'; a
  // HEAD answer has no body at all. The code and the status in words say what happened instead.
  const terse = (name: string, httpStatusCode: number | undefined, message = 'UnknownError') =>
    Object.assign(new Error(message), { name, $metadata: { httpStatusCode } });

  it.each<[string, Error, StoreTarget, string]>([
    [
      "NoSuchBucket with the SDK's 'UnknownError'",
      terse('NoSuchBucket', 404),
      MINIO,
      "NoSuchBucket (HTTP 404 Not Found). Bucket 'ci' was not found at 127.0.0.1:9000: check 'bucket', 'region' and 'endpoint'.",
    ],
    [
      'AccessDenied with an empty message',
      terse('AccessDenied', 403, ''),
      AWS,
      "AccessDenied (HTTP 403 Forbidden). The credentials may not x in bucket 'my-artifacts'",
    ],
    ['a HEAD 404 (no body)', terse('NotFound', 404), AWS, "NotFound (HTTP 404 Not Found). Bucket 'my-artifacts' was not found"],
    ['an unmapped code', terse('EntityTooLarge', 400, '  '), AWS, 'EntityTooLarge (HTTP 400 Bad Request)'],
    ['BadDigest, with its fix', terse('BadDigest', 400, ''), AWS, 'BadDigest (HTTP 400 Bad Request). The bytes that reached'],
    ['a status without a standard reason', terse('Weird', 599), AWS, 'Weird (HTTP 599)'],
    ['no status at all', terse('NoSuchBucket', undefined), AWS, 'NoSuchBucket (no message from the store). Bucket'],
  ])('says the code and the HTTP status in words for %s', (_label, error, target, start) => {
    const text = describeS3Error(error, target, 'x');
    expect(text.startsWith(start)).toBe(true);
    expect(text).not.toContain('UnknownError');
  });

  it('keeps a real message as it is', () => {
    expect(describeS3Error(terse('NoSuchBucket', 404, 'The specified bucket does not exist'), AWS, 'x')).toMatch(
      /^NoSuchBucket: The specified bucket does not exist\. Bucket/,
    );
  });

  it('passes unknown errors through with their name and message', () => {
    expect(describeS3Error(aws('EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size'), AWS, 'x')).toBe(
      'EntityTooLarge: Your proposed upload exceeds the maximum allowed size',
    );
    expect(describeS3Error('weird', AWS, 'x')).toBe('Error: weird');
    expect(describeS3Error(undefined, AWS, 'x')).toBe('Error: undefined');
  });
});

describe('s3Retry', () => {
  it('retries 5 times from 250 ms, capped at 8 s, on isRetryableS3Error', () => {
    const sleep = async () => {};
    const r = s3Retry(sleep);
    expect(r).toMatchObject({ attempts: 5, baseDelayMs: 250, maxDelayMs: 8000, sleep, isRetryable: isRetryableS3Error });
  });
});

describe('runStoppingCause', () => {
  it.each<[string, unknown, string | undefined]>([
    ['AccessDenied stops the run', { name: 'AccessDenied', message: 'Access Denied' }, 'AccessDenied'],
    ['NoSuchBucket stops the run', { name: 'NoSuchBucket' }, 'NoSuchBucket'],
    ['InvalidBucketName stops the run', { name: 'InvalidBucketName' }, 'InvalidBucketName'],
    ['a refused connection stops the run', { name: 'Error', code: 'ECONNREFUSED' }, 'ECONNREFUSED'],
    ['an unknown host stops the run', { name: 'Error', code: 'ENOTFOUND' }, 'ENOTFOUND'],
    ['an unreachable network stops the run', { name: 'Error', code: 'ENETUNREACH' }, 'ENETUNREACH'],
    [
      'a request that got no answer stops the run',
      { name: 'TimeoutError', message: 'Connection timed out after 30000 ms' },
      'no response (timeout)',
    ],
    ['a reset labelled TimeoutError does not', { name: 'TimeoutError', message: 'socket hang up (ECONNRESET) timeout' }, undefined],
    ['a throttled request does not', { name: 'SlowDown' }, undefined],
    ['a reset does not', { name: 'Error', code: 'ECONNRESET' }, undefined],
    ['Forbidden (a HEAD without body) does not', { name: 'Forbidden' }, undefined],
    ['a name that is an Object.prototype key does not', { name: 'constructor' }, undefined],
    ['nothing at all does not', undefined, undefined],
  ])('%s', (_label, error, expected) => {
    expect(runStoppingCause(error)).toBe(expected);
  });

  it('is never true for an error that is retried by name alone', () => {
    for (const name of ['SlowDown', 'InternalError', 'ServiceUnavailable', 'RequestTimeout', 'Throttling', 'OperationAborted']) {
      expect(isRetryableS3Error({ name })).toBe(true);
      expect(runStoppingCause({ name })).toBeUndefined();
    }
  });
});

describe('deadCredentialsCause: the store says no link signed with these credentials would work', () => {
  const aws = (name: string) => Object.assign(new Error('msg'), { name, $metadata: { httpStatusCode: 403 } });
  const TARGET: StoreTarget = { bucket: 'ci', region: 'auto', endpoint: new URL('http://127.0.0.1:9000'), forcePathStyle: true };

  it.each(['ExpiredToken', 'ExpiredTokenException', 'InvalidAccessKeyId', 'InvalidToken', 'TokenRefreshRequired', 'SignatureDoesNotMatch'])(
    '%s is dead, and stops the run',
    (name) => {
      expect(deadCredentialsCause(aws(name))).toBe(name);
      expect(runStoppingCause(aws(name))).toBe(name);
    },
  );

  it.each(['AccessDenied', 'NoSuchBucket', 'SlowDown', 'InternalError', 'Error', 'toString', '__proto__'])('%s is not', (name) => {
    expect(deadCredentialsCause(aws(name))).toBeUndefined();
  });

  it('looks through wrapping errors (cause)', () => {
    const wrapped = new Error('Could not list', { cause: new Error('retry gave up', { cause: aws('ExpiredToken') }) });
    expect(deadCredentialsCause(wrapped)).toBe('ExpiredToken');
    expect(deadCredentialsCause(undefined)).toBeUndefined();
    expect(deadCredentialsCause('ExpiredToken')).toBeUndefined();
  });

  it('the message says nothing was published and what to change', () => {
    const text = deadCredentialsMessage('ExpiredToken', 'the upload of dist/a.txt', TARGET);
    expect(text).toMatch(/^127\.0\.0\.1:9000 answered ExpiredToken to the upload of dist\/a\.txt: the signing credentials do not work/);
    expect(text).toContain('No link was published');
    expect(text).toMatch(/role-session-duration/);
  });
});
