import { describe, expect, it } from '@jest/globals';
import { capLinkLifetime, CREDENTIAL_SAFETY_MARGIN_SECONDS, SIGV4_MAX_SECONDS } from '../../../src/links/expiry.js';

const SIGNED = new Date('2026-11-22T14:00:00.000Z');
const SIGNED_S = SIGNED.getTime() / 1000;
const at = (secondsAfterSigning: number) => new Date(SIGNED.getTime() + secondsAfterSigning * 1000);

describe('constants', () => {
  it('are the SigV4 maximum (7 days) and a one-minute margin', () => {
    expect(SIGV4_MAX_SECONDS).toBe(7 * 24 * 3600);
    expect(CREDENTIAL_SAFETY_MARGIN_SECONDS).toBe(60);
  });
});

describe('capLinkLifetime', () => {
  it.each([
    ['1 second', 1],
    ['1 hour', 3600],
    ['12 hours', 43_200],
    ['exactly 7 days', 604_800],
  ])('keeps %s (under or at the cap) unchanged, without clamps', (_label, seconds) => {
    const life = capLinkLifetime(seconds, SIGNED, {});
    expect(life).toEqual({ seconds, expiresAt: at(seconds), clamps: [] });
  });

  it.each([
    [604_801, '7d 1s'],
    [691_200, '8d'],
    [30 * 86_400, '30d'],
  ])('clamps %i seconds to 604800 with a message naming the request (%s)', (requested, text) => {
    const life = capLinkLifetime(requested, SIGNED, {});
    expect(life.seconds).toBe(604_800);
    expect(life.expiresAt).toEqual(at(604_800));
    expect(life.clamps).toEqual([`expires-in ${text} exceeds the 7-day maximum of SigV4 presigned links; links expire in 7d.`]);
  });

  it('clamps to the credentials expiry minus the safety margin and names the source', () => {
    const expires = at(3600);
    const life = capLinkLifetime(86_400, SIGNED, { credentialsExpireAt: expires, credentialsSource: 'role-to-assume session' });
    expect(life.seconds).toBe(3600 - 60);
    expect(life.expiresAt).toEqual(at(3540));
    expect(life.expiresAt.getTime()).toBeLessThanOrEqual(expires.getTime() - 60_000);
    expect(life.clamps).toHaveLength(1);
    expect(life.clamps[0]).toContain('(role-to-assume session)');
    expect(life.clamps[0]).toContain(expires.toISOString());
    expect(life.clamps[0]).toContain('links expire in 59m instead of 1d');
  });

  it("says 'temporary session' when the source is unknown", () => {
    const life = capLinkLifetime(86_400, SIGNED, { credentialsExpireAt: at(7200) });
    expect(life.clamps[0]).toContain('(temporary session)');
  });

  it('reports both clamps, in order, when the request exceeds 7 days and the credentials expire sooner', () => {
    const life = capLinkLifetime(691_200, SIGNED, { credentialsExpireAt: at(86_400), credentialsSource: 'env' });
    expect(life.seconds).toBe(86_340);
    expect(life.clamps).toHaveLength(2);
    expect(life.clamps[0]).toMatch(/^expires-in 8d exceeds the 7-day maximum/);
    expect(life.clamps[1]).toMatch(/\(env\).*instead of 7d\.$/);
  });

  it.each([
    ['long after the link', 30 * 86_400, 3600],
    ['exactly at link end plus margin', 3600 + 60, 3600],
  ])('does not clamp when the credentials expire %s', (_label, credentialSeconds, requested) => {
    const life = capLinkLifetime(requested, SIGNED, { credentialsExpireAt: at(credentialSeconds), credentialsSource: 'x' });
    expect(life).toEqual({ seconds: requested, expiresAt: at(requested), clamps: [] });
  });

  it('clamps by one second when the credentials expire one second too soon', () => {
    const life = capLinkLifetime(3600, SIGNED, { credentialsExpireAt: at(3659) });
    expect(life.seconds).toBe(3599);
  });

  it('allows a 1-second link when the credentials expire 61 seconds after signing', () => {
    expect(capLinkLifetime(3600, SIGNED, { credentialsExpireAt: at(61) }).seconds).toBe(1);
  });

  it.each([
    ['within the margin', 60],
    ['in 30 seconds', 30],
    ['now', 0],
    ['already', -3600],
  ])('throws when the credentials expire %s, naming the source and the time', (_label, secondsAfter) => {
    const expires = at(secondsAfter);
    const run = () => capLinkLifetime(3600, SIGNED, { credentialsExpireAt: expires, credentialsSource: 'aws-expiration input' });
    expect(run).toThrow(`The AWS credentials (aws-expiration input) expire at ${expires.toISOString()}, too soon`);
    expect(run).toThrow(/role-session-duration/);
  });

  it.each([
    ['.000', 0],
    ['.001', 1],
    ['.500', 500],
    ['.999', 999],
  ])('computes expiresAt from the signing time floored to whole seconds (ms %s)', (_label, ms) => {
    const signedAt = new Date(SIGNED.getTime() + ms);
    const life = capLinkLifetime(3600, signedAt, {});
    expect(life.expiresAt.getTime()).toBe((SIGNED_S + 3600) * 1000);
    expect(life.expiresAt.getUTCMilliseconds()).toBe(0);
  });

  it('keeps a link signed late in a second at least the margin before credentials that expire mid-second', () => {
    const signedAt = new Date(SIGNED.getTime() + 999);
    const expires = new Date(SIGNED.getTime() + 3600_500);
    const life = capLinkLifetime(7200, signedAt, { credentialsExpireAt: expires });
    expect(life.seconds).toBe(3540);
    expect(life.expiresAt.getTime()).toBe((SIGNED_S + 3540) * 1000);
    expect(expires.getTime() - life.expiresAt.getTime()).toBeGreaterThanOrEqual(CREDENTIAL_SAFETY_MARGIN_SECONDS * 1000);
  });
});
