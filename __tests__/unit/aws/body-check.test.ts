import { describe, expect, it } from '@jest/globals';
import { bodyCheckFor } from '../../../src/aws/body-check.js';

describe('bodyCheckFor', () => {
  it('trusts the signed SHA-256 only when the store refused the probe for its hash', () => {
    expect(bodyCheckFor({ stored: false, error: 'XAmzContentSHA256Mismatch' })).toBe('payload-sha256');
    expect(bodyCheckFor({ stored: false, error: 'BadDigest' })).toBe('payload-sha256');
  });

  it.each([
    ['stored the probe: it does not check', { stored: true as const }],
    ['refused it for its permissions', { stored: false as const, error: 'AccessDenied' }],
    ['an error of its own', { stored: false as const, error: 'InternalError' }],
    ['unreachable', { stored: false as const, error: 'TimeoutError' }],
    ['refused the signature', { stored: false as const, error: 'SignatureDoesNotMatch' }],
  ])('falls back to Content-MD5 when the store %s', (_label, answer) => {
    expect(bodyCheckFor(answer)).toBe('content-md5');
  });
});
