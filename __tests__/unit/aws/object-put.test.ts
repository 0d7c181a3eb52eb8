import { storeErrorFrom } from '../../../src/aws/object-put.js';
import { deadCredentialsCause, describeS3Error, isRetryableS3Error, runStoppingCause } from '../../../src/aws/s3-errors.js';

const target = { bucket: 'b', region: 'us-east-1', forcePathStyle: true, endpoint: new URL('http://127.0.0.1:9000') };
const xml = (code: string, message: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>R1</RequestId></Error>`;

test('names the error by the XML code and keeps its message, unescaped, and the status', () => {
  const e = storeErrorFrom(403, { 'x-amz-request-id': 'R1' }, xml('AccessDenied', 'Access &lt;Denied&gt; &amp; &#39;more&#x27;'));
  expect(e).toBeInstanceOf(Error);
  expect(e.name).toBe('AccessDenied');
  expect(e.message).toBe("Access <Denied> & 'more'");
  expect(e.$metadata).toEqual({ httpStatusCode: 403, requestId: 'R1' });
  expect(e.$fault).toBe('client');
  expect(runStoppingCause(e)).toBe('AccessDenied');
  expect(describeS3Error(e, target, 'write objects')).toMatch(
    /^AccessDenied: Access <Denied> & 'more'\. The credentials may not write objects in bucket 'b'/,
  );
});

test('without a body, the x-amz-error-code header, else the HTTP status, names it as the SDK does', () => {
  expect(storeErrorFrom(400, { 'x-amz-error-code': 'ExpiredToken' }, '').name).toBe('ExpiredToken');
  expect(deadCredentialsCause(storeErrorFrom(400, { 'x-amz-error-code': 'ExpiredToken' }, ''))).toBe('ExpiredToken');
  const forbidden = storeErrorFrom(403, {}, '');
  expect(forbidden.name).toBe('Forbidden');
  expect(describeS3Error(forbidden, target, 'write objects')).toMatch(/^Forbidden \(HTTP 403 Forbidden\)\. The credentials may not/);
  const unavailable = storeErrorFrom(503, {}, '<html>busy</html>');
  expect(unavailable.name).toBe('ServiceUnavailable');
  expect(unavailable.$fault).toBe('server');
  expect(isRetryableS3Error(unavailable)).toBe(true);
});

test('retries what the SDK-shaped errors say is transient, and nothing the store refused for good', () => {
  expect(isRetryableS3Error(storeErrorFrom(503, {}, xml('SlowDown', 'Reduce your request rate.')))).toBe(true);
  expect(isRetryableS3Error(storeErrorFrom(400, {}, xml('BadDigest', 'The Content-MD5 you specified did not match.')))).toBe(true);
  expect(isRetryableS3Error(storeErrorFrom(404, {}, xml('NoSuchBucket', 'The specified bucket does not exist')))).toBe(false);
  expect(deadCredentialsCause(storeErrorFrom(403, {}, xml('SignatureDoesNotMatch', 'x')))).toBe('SignatureDoesNotMatch');
});
