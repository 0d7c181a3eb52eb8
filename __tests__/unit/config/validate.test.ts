import { describe, expect, it } from '@jest/globals';
import {
  isRoleArn,
  isSessionDuration,
  isSessionName,
  MAX_SESSION_SECONDS,
  MIN_SESSION_SECONDS,
  parseIsoInstant,
} from '../../../src/config/validate.js';

describe('isRoleArn', () => {
  it.each([
    'arn:aws:iam::123456789012:role/artifact-links',
    'arn:aws-cn:iam::123456789012:role/path/to/role',
    'arn:aws-us-gov:iam::123456789012:role/a+b=c,d.e@f-g_h',
  ])('accepts %s', (arn) => expect(isRoleArn(arn)).toBe(true));

  it.each([
    'artifact-links',
    'arn:aws:iam::12345678901:role/short-account',
    'arn:aws:iam::123456789012:user/someone',
    'arn:aws:iam::123456789012:role/',
    `arn:aws:iam::123456789012:role/${'r'.repeat(513)}`,
    'arn:aws:iam::123456789012:role/with space',
  ])('refuses %s', (arn) => expect(isRoleArn(arn)).toBe(false));
});

describe('isSessionName', () => {
  it.each(['ab', 'github-artifact-links', 'a+b=c,d.e@f_g-h', 'x'.repeat(64)])('accepts %s', (name) =>
    expect(isSessionName(name)).toBe(true),
  );
  it.each(['a', 'x'.repeat(65), 'has space', 'slash/name', ''])('refuses %j', (name) => expect(isSessionName(name)).toBe(false));
});

describe('isSessionDuration', () => {
  it('accepts whole seconds from 900 to 43200', () => {
    expect([MIN_SESSION_SECONDS, 3600, MAX_SESSION_SECONDS].map(isSessionDuration)).toEqual([true, true, true]);
    expect([899, 43201, 1800.5, Number.NaN].map(isSessionDuration)).toEqual([false, false, false, false]);
  });
});

describe('parseIsoInstant', () => {
  it('needs an explicit offset', () => {
    expect(parseIsoInstant('2026-11-22T15:00:00Z')?.toISOString()).toBe('2026-11-22T15:00:00.000Z');
    expect(parseIsoInstant(' 2026-11-22T16:00:00+01:00 ')?.toISOString()).toBe('2026-11-22T15:00:00.000Z');
    expect(parseIsoInstant('2026-11-22T15:00:00')).toBeUndefined();
    expect(parseIsoInstant('2026-11-22')).toBeUndefined();
    expect(parseIsoInstant('2026-13-45T99:00:00Z')).toBeUndefined();
  });
});
