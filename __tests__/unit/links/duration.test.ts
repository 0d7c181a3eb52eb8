import { describe, expect, it } from '@jest/globals';
import { formatDuration, parseDuration } from '../../../src/links/duration.js';

describe('parseDuration', () => {
  it.each([
    ['90s', 90],
    ['30m', 1800],
    ['12h', 43_200],
    ['7d', 604_800],
    ['3600', 3600],
    ['1', 1],
    ['1s', 1],
    ['8d', 691_200],
    ['12H', 43_200],
    ['7D', 604_800],
    ['  45m  ', 2700],
    ['007m', 420],
  ])('parses %j as %i seconds', (value, seconds) => {
    expect(parseDuration(value, 'expires-in')).toBe(seconds);
  });

  it.each([
    ['7 days'],
    ['-1'],
    ['0'],
    ['0d'],
    ['1.5h'],
    [''],
    ['   '],
    ['8x'],
    ['h'],
    ['1w'],
    ['1h30m'],
    ['+5m'],
    ['5m5'],
    ['99999999999999999999'],
  ])('rejects %j, naming the input and the value', (value) => {
    expect(() => parseDuration(value, 'expires-in')).toThrow(`Input 'expires-in' is '${value}'`);
  });

  it('names whichever input it was given and lists the accepted forms', () => {
    expect(() => parseDuration('soon', 'role-session-duration')).toThrow(
      /^Input 'role-session-duration' is 'soon', which is not a duration\. .*90s, 30m, 12h, 7d/,
    );
  });
});

describe('formatDuration', () => {
  it.each([
    [604_800, '7d'],
    [5400, '1h 30m'],
    [42, '42s'],
    [0, '0s'],
    [-5, '0s'],
    [60, '1m'],
    [3600, '1h'],
    [3601, '1h 1s'],
    [86_399, '23h 59m 59s'],
    [90_061, '1d 1h 1m 1s'],
    [691_200, '8d'],
    [604_740, '6d 23h 59m'],
    [59.6, '1m'],
  ])('formats %d seconds as %j', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it.each(['30m', '12h', '7d', '3600', '120s'])('formats the single-unit duration %j as something parseDuration reads back', (value) => {
    const seconds = parseDuration(value, 'x');
    expect(parseDuration(formatDuration(seconds), 'x')).toBe(seconds);
  });
});
