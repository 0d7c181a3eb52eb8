import {
  fallbackDuration,
  isDurationRefused,
  MAX_SESSION_SECONDS,
  MIN_SESSION_SECONDS,
  SESSION_MARGIN_SECONDS,
  sessionDurationFor,
} from '../../../src/aws/credentials/assume-role.js';
import { classifyCredentials, DEFAULT_UNKNOWN_SESSION_CAP_SECONDS } from '../../../src/aws/credentials/classify.js';
import { explainStsError } from '../../../src/aws/credentials/errors.js';
import { parseIsoInstant } from '../../../src/config/validate.js';

const NOW = new Date('2025-06-01T12:00:00Z');
const ROLE = 'arn:aws:iam::123456789012:role/artifact-uploader';
const LONG = { accessKeyId: 'AKIAEXAMPLEEXAMPLE00', secretAccessKey: 'long-term-secret' };
const TEMP = { accessKeyId: 'ASIAEXAMPLEEXAMPLE00', secretAccessKey: 'temp-secret', sessionToken: 'temp-token' };
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

/* ---------------------------------------------------------------------------------------------- */
describe('classifyCredentials (pure)', () => {
  test('long-term keys: no expiry, no warning', () => {
    const r = classifyCredentials(LONG, { env: {}, now: NOW });
    expect(r.kind).toBe('long-term');
    expect(r.expiresAt).toBeUndefined();
    expect(r.expirySource).toBeUndefined();
    expect(r.warnings).toEqual([]);
    expect(r.credentials).toEqual(LONG);
  });

  test('temporary with provider expiration', () => {
    const r = classifyCredentials({ ...TEMP, expiration: at(50) }, { env: {}, now: NOW });
    expect(r.kind).toBe('temporary');
    expect(r.expiresAt).toEqual(at(50));
    expect(r.expirySource).toBe('provider expiration');
    expect(r.warnings).toEqual([]);
  });

  test('temporary with AWS_CREDENTIAL_EXPIRATION only', () => {
    const r = classifyCredentials(TEMP, { env: { AWS_CREDENTIAL_EXPIRATION: at(30).toISOString() }, now: NOW });
    expect(r).toMatchObject({ kind: 'temporary', expiresAt: at(30), expirySource: 'AWS_CREDENTIAL_EXPIRATION', warnings: [] });
  });

  test('temporary with the credentials-expire-at input only', () => {
    const r = classifyCredentials(TEMP, { env: {}, credentialsExpireAt: at(40), now: NOW });
    expect(r).toMatchObject({ kind: 'temporary', expiresAt: at(40), expirySource: 'credentials-expire-at input', warnings: [] });
  });

  test.each([
    ['provider', [10, 20, 30], 'provider expiration'],
    ['env', [20, 10, 30], 'AWS_CREDENTIAL_EXPIRATION'],
    ['input', [30, 20, 10], 'credentials-expire-at input'],
  ])('earliest known expiry wins (%s)', (_label, [provider, envMin, input], source) => {
    const r = classifyCredentials(
      { ...TEMP, expiration: at(provider) },
      { env: { AWS_CREDENTIAL_EXPIRATION: at(envMin).toISOString() }, credentialsExpireAt: at(input), now: NOW },
    );
    expect(r.expiresAt).toEqual(at(10));
    expect(r.expirySource).toBe(source);
  });

  test('temporary with unknown expiry: capped at 1 h by default, warning names the fix', () => {
    const r = classifyCredentials(TEMP, { env: {}, now: NOW });
    expect(DEFAULT_UNKNOWN_SESSION_CAP_SECONDS).toBe(3600);
    expect(r.kind).toBe('temporary');
    expect(r.expiresAt).toEqual(at(60));
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toContain('`role-to-assume`');
    expect(r.warnings[0]).toContain('credentials-expire-at: ${{ steps.<id>.outputs.aws-expiration }}');
  });

  test('unknown-expiry cap is configurable', () => {
    const r = classifyCredentials(TEMP, { env: {}, now: NOW, unknownCapSeconds: 900 });
    expect(r.expiresAt).toEqual(at(15));
  });

  test('long-term keys with a known expiry keep it (never sign past a known end)', () => {
    const r = classifyCredentials(LONG, { env: {}, credentialsExpireAt: at(5), now: NOW });
    expect(r).toMatchObject({ kind: 'long-term', expiresAt: at(5) });
  });

  test('bad AWS_CREDENTIAL_EXPIRATION: expiry unknown (1 h cap, caveat), one warning that says so', () => {
    const bad = { AWS_CREDENTIAL_EXPIRATION: 'tomorrow' };
    const alone = classifyCredentials(TEMP, { env: bad, now: NOW });
    expect(alone.expiresAt).toEqual(at(60));
    expect(alone.expiryAssumed).toBe(true);
    expect(alone.warnings).toHaveLength(1);
    expect(alone.warnings[0]).toMatch(
      /^AWS_CREDENTIAL_EXPIRATION="tomorrow" is not a valid ISO 8601 instant with Z or an offset .*, so the credentials' expiry is unknown: links are capped at 1h/,
    );

    // The SDK turns the same bad value into an Invalid Date provider expiration: one warning, not two.
    const viaSdk = classifyCredentials({ ...TEMP, expiration: new Date('tomorrow') }, { env: bad, credentialsExpireAt: at(20), now: NOW });
    expect(viaSdk.expiresAt).toEqual(at(20));
    expect(viaSdk.expiryAssumed).toBeUndefined();
    expect(viaSdk.credentials.expiration).toBeUndefined();
    expect(viaSdk.warnings).toEqual([
      expect.stringMatching(/"tomorrow" is not a valid ISO 8601 instant.*does not count, and the credentials-expire-at input applies/),
    ]);
  });

  // The SDK's environment provider parses AWS_CREDENTIAL_EXPIRATION with new Date(): a local time, or an
  // impossible date rolled over. Its copy must not sneak the value in that the rule refuses.
  test.each([
    ['a local time (no offset)', '2025-06-01T20:00:00'],
    ['a space instead of T, no offset', '2025-06-01 20:00:00'],
    ['an impossible date, rolled over by Date', '2025-06-31T00:00:00Z'],
    ['a date only', '2025-06-02'],
  ])('AWS_CREDENTIAL_EXPIRATION as %s does not count, even as the provider expiration', (_label, value) => {
    const sdkCopy = new Date(value);
    expect(Number.isNaN(sdkCopy.getTime())).toBe(false); // what the SDK hands over is a valid Date
    for (const creds of [TEMP, LONG]) {
      const r = classifyCredentials({ ...creds, expiration: sdkCopy }, { env: { AWS_CREDENTIAL_EXPIRATION: value }, now: NOW });
      expect(r.expiresAt).toEqual(at(60)); // unknown: the cap, not the SDK's reading
      expect(r.expiryAssumed).toBe(true);
      expect(r.credentials.expiration).toBeUndefined();
      expect(r.warnings).toEqual([
        expect.stringContaining(`AWS_CREDENTIAL_EXPIRATION=${JSON.stringify(value)} is not a valid ISO 8601 instant`),
      ]);
      expect(r.warnings[0]).toContain('links are capped at 1h');
    }
  });

  test('credentials that only upload (a dedicated signer signs the links): an unknown expiry warns about no link', () => {
    const signing = classifyCredentials(TEMP, { env: {}, now: NOW });
    expect(signing.warnings).toEqual([expect.stringContaining('links are capped at 1h')]);
    const uploading = classifyCredentials(TEMP, { env: {}, now: NOW, uploadOnly: true });
    expect(uploading.warnings).toEqual([]);
    expect(uploading.expiryAssumed).toBe(true);
  });

  test('a valid AWS_CREDENTIAL_EXPIRATION and the provider copy of it: one known expiry', () => {
    const value = '2025-06-01T14:00:00+02:00';
    const r = classifyCredentials({ ...TEMP, expiration: new Date(value) }, { env: { AWS_CREDENTIAL_EXPIRATION: value }, now: NOW });
    expect(r).toMatchObject({ expiresAt: at(0), expirySource: 'AWS_CREDENTIAL_EXPIRATION', warnings: [expect.stringMatching(/expired/)] });
  });

  test('another provider expiration (not the copy of the variable) still counts', () => {
    const r = classifyCredentials({ ...TEMP, expiration: at(10) }, { env: { AWS_CREDENTIAL_EXPIRATION: at(30).toISOString() }, now: NOW });
    expect(r).toMatchObject({ expiresAt: at(10), expirySource: 'provider expiration' });
  });

  test('already expired credentials get a warning', () => {
    const r = classifyCredentials({ ...TEMP, expiration: at(-1) }, { env: {}, now: NOW });
    expect(r.warnings.join('\n')).toMatch(/expired at 2025-06-01T11:59:00.000Z/);
  });

  test('parseIsoInstant wants a full ISO 8601 instant with an offset', () => {
    expect(parseIsoInstant('2025-06-01T12:00:00Z')).toEqual(NOW);
    expect(parseIsoInstant(' 2025-06-01T14:00:00.000+02:00 ')).toEqual(NOW);
    expect(parseIsoInstant('2025-06-01')).toBeUndefined();
    expect(parseIsoInstant('2025-06-01T12:00:00')).toBeUndefined();
    expect(parseIsoInstant('2025-13-45T12:00:00Z')).toBeUndefined();
  });

  test.each([
    '2030-02-31T00:00:00Z',
    '2030-02-29T00:00:00Z',
    '2030-06-31T00:00:00Z',
    '2030-00-10T00:00:00Z',
    '2030-01-00T00:00:00Z',
    '2030-01-01T24:00:00Z',
    '2030-01-01T23:60:00Z',
    '2030-01-01T23:59:60Z',
    '2030-01-01T12:00:00+24:00',
    '2030-01-01T12:00:00+01:60',
  ])('parseIsoInstant refuses the impossible %s instead of rolling it over', (value) => {
    expect(parseIsoInstant(value)).toBeUndefined();
  });

  test.each([
    ['2028-02-29T00:00:00Z', '2028-02-29T00:00:00.000Z'],
    ['2030-12-31T23:59:59.999Z', '2030-12-31T23:59:59.999Z'],
    ['2030-01-01T00:30:00+14:00', '2029-12-31T10:30:00.000Z'],
    ['2030-01-01T00:00-0230', '2030-01-01T02:30:00.000Z'],
  ])('parseIsoInstant accepts %s', (value, iso) => {
    expect(parseIsoInstant(value)?.toISOString()).toBe(iso);
  });
});

describe('session duration (pure)', () => {
  test('link lifetime + margin, within [900, 43200]', () => {
    expect(sessionDurationFor(60)).toBe(MIN_SESSION_SECONDS);
    expect(sessionDurationFor(3600)).toBe(3600 + SESSION_MARGIN_SECONDS);
    expect(sessionDurationFor(7 * 24 * 3600)).toBe(MAX_SESSION_SECONDS);
  });

  test('refusal detection and retry duration', () => {
    const aws = 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.';
    expect(isDurationRefused('ValidationError', aws)).toBe(true);
    expect(isDurationRefused('ValidationError', 'Request ARN is invalid')).toBe(false);
    expect(isDurationRefused('AccessDenied', aws)).toBe(false);
    expect(fallbackDuration(aws, 7200)).toBe(3600);
    expect(fallbackDuration(aws, 3600)).toBeUndefined(); // nothing smaller to try
    const constraint =
      "1 validation error detected: Value '50000' at 'durationSeconds' failed to satisfy constraint: " +
      'Member must have value less than or equal to 43200';
    expect(fallbackDuration(constraint, 50000)).toBe(43200);
  });

  test('STS errors name the fix', () => {
    const ctx = { roleToAssume: ROLE, audience: 'sts.amazonaws.com', repository: 'octo/demo', region: 'eu-west-1' };
    expect(
      explainStsError(
        {
          name: 'InvalidIdentityTokenException',
          message: 'No OpenIDConnect provider found in your account for https://token.actions.githubusercontent.com',
        },
        ctx,
      ),
    ).toMatch(/Create one in IAM: provider URL https:\/\/token.actions.githubusercontent.com/);
    expect(explainStsError({ name: 'InvalidIdentityTokenException', message: 'Incorrect token audience' }, ctx)).toMatch(
      /`audience` input/,
    );
    expect(explainStsError({ name: 'RegionDisabledException', message: 'x' }, ctx)).toMatch(/not activated in region eu-west-1/);
    expect(explainStsError({ name: 'Error', code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' }, ctx)).toMatch(/AWS_ENDPOINT_URL_STS/);
  });
});
