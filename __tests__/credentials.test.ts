import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { STSClient, AssumeRoleWithWebIdentityCommand } from '@aws-sdk/client-sts';
import {
  classifyCredentials,
  DEFAULT_UNKNOWN_SESSION_CAP_SECONDS,
  explainStsError,
  fallbackDuration,
  isDurationRefused,
  MAX_SESSION_SECONDS,
  MIN_SESSION_SECONDS,
  NO_CREDENTIALS_MESSAGE,
  parseIsoInstant,
  resolveCredentials,
  SESSION_MARGIN_SECONDS,
  sessionDurationFor,
  type ResolveOptions,
} from '../src/credentials.js';
import { describeIfMoto, startMoto, type MotoServer } from './support/moto.js';

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

  test('bad AWS_CREDENTIAL_EXPIRATION is a warning and is ignored (other sources, else the cap, apply)', () => {
    const bad = { AWS_CREDENTIAL_EXPIRATION: 'tomorrow' };
    const alone = classifyCredentials(TEMP, { env: bad, now: NOW });
    expect(alone.expiresAt).toEqual(at(60));
    expect(alone.warnings[0]).toMatch(/AWS_CREDENTIAL_EXPIRATION="tomorrow" is not an ISO 8601 time/);
    expect(alone.warnings[1]).toMatch(/expiry is unknown/);

    // The SDK turns the same bad value into an Invalid Date provider expiration: one warning, not two.
    const viaSdk = classifyCredentials({ ...TEMP, expiration: new Date('tomorrow') }, { env: bad, credentialsExpireAt: at(20), now: NOW });
    expect(viaSdk.expiresAt).toEqual(at(20));
    expect(viaSdk.credentials.expiration).toBeUndefined();
    expect(viaSdk.warnings).toHaveLength(1);
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
    expect(explainStsError({ name: 'InvalidIdentityTokenException', message: 'No OpenIDConnect provider found in your account for https://token.actions.githubusercontent.com' }, ctx))
      .toMatch(/Create one in IAM: provider URL https:\/\/token.actions.githubusercontent.com/);
    expect(explainStsError({ name: 'InvalidIdentityTokenException', message: 'Incorrect token audience' }, ctx)).toMatch(/`audience` input/);
    expect(explainStsError({ name: 'RegionDisabledException', message: 'x' }, ctx)).toMatch(/not activated in region eu-west-1/);
    expect(explainStsError({ name: 'Error', code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' }, ctx)).toMatch(/AWS_ENDPOINT_URL_STS/);
  });
});

/* ---------------------------------------------------------------------------------------------- */
/** Set process.env entries (undefined deletes); returns a function that restores them. */
function setEnv(vars: Record<string, string | undefined>): () => void {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  const apply = (v: Record<string, string | undefined>) => {
    for (const [k, val] of Object.entries(v)) {
      if (val === undefined) delete process.env[k];
      else process.env[k] = val;
    }
  };
  apply(vars);
  return () => apply(saved);
}

/** Records setSecret and log calls in one sequence, to check masking happens first. */
function recorder() {
  const events: string[] = [];
  return {
    events,
    setSecret: (s: string) => void events.push(`secret:${s}`),
    log: { info: (m: string) => void events.push(`info:${m}`), warning: (m: string) => void events.push(`warning:${m}`) },
    firstLog: () => events.findIndex((e) => e.startsWith('info:') || e.startsWith('warning:')),
    secretIndex: (s: string) => events.indexOf(`secret:${s}`),
  };
}

/** Env in which the SDK default chain finds nothing without touching the network or ~/.aws. */
const ISOLATED_AWS_ENV = {
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_CONFIG_FILE: '/nonexistent/aws-config',
  AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
  AWS_PROFILE: undefined,
  AWS_ACCESS_KEY_ID: undefined,
  AWS_SECRET_ACCESS_KEY: undefined,
  AWS_SESSION_TOKEN: undefined,
  AWS_CREDENTIAL_EXPIRATION: undefined,
  AWS_WEB_IDENTITY_TOKEN_FILE: undefined,
  AWS_ROLE_ARN: undefined,
  AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: undefined,
  AWS_CONTAINER_CREDENTIALS_FULL_URI: undefined,
  AWS_ENDPOINT_URL_STS: undefined,
  AWS_ENDPOINT_URL: undefined,
};

const base = (o: Partial<ResolveOptions>): ResolveOptions => ({
  region: 'us-east-1',
  roleSessionName: 'gha-artifacts',
  requestedLinkSeconds: 3600,
  now: () => NOW,
  ...o,
});

describe('resolveCredentials without role-to-assume (real SDK default chain)', () => {
  let restore: () => void;
  beforeEach(() => {
    restore = setEnv(ISOLATED_AWS_ENV);
  });
  afterEach(() => restore());

  test('long-term keys from env: masked before any log line, no expiry', async () => {
    process.env.AWS_ACCESS_KEY_ID = LONG.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = LONG.secretAccessKey;
    const rec = recorder();
    const r = await resolveCredentials(base({ setSecret: rec.setSecret, log: rec.log }));
    expect(r.kind).toBe('long-term');
    expect(r.expiresAt).toBeUndefined();
    expect(r.credentials.accessKeyId).toBe(LONG.accessKeyId);
    expect(rec.secretIndex(LONG.secretAccessKey)).toBeGreaterThanOrEqual(0);
    expect(rec.secretIndex(LONG.secretAccessKey)).toBeLessThan(rec.firstLog());
  });

  test('temporary keys + AWS_CREDENTIAL_EXPIRATION from env', async () => {
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: TEMP.accessKeyId,
      AWS_SECRET_ACCESS_KEY: TEMP.secretAccessKey,
      AWS_SESSION_TOKEN: TEMP.sessionToken,
      AWS_CREDENTIAL_EXPIRATION: at(45).toISOString(),
    });
    const rec = recorder();
    const r = await resolveCredentials(base({ setSecret: rec.setSecret, log: rec.log, credentialsExpireAt: at(50) }));
    expect(r).toMatchObject({ kind: 'temporary', expiresAt: at(45), warnings: [] });
    expect(rec.secretIndex(TEMP.sessionToken)).toBeLessThan(rec.firstLog());
  });

  test('temporary keys of unknown expiry: the warning is logged, after masking', async () => {
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: TEMP.accessKeyId,
      AWS_SECRET_ACCESS_KEY: TEMP.secretAccessKey,
      AWS_SESSION_TOKEN: TEMP.sessionToken,
    });
    const rec = recorder();
    const r = await resolveCredentials(base({ setSecret: rec.setSecret, log: rec.log }));
    expect(r.expiresAt).toEqual(at(60));
    expect(rec.events.some((e) => e.startsWith('warning:') && e.includes('role-to-assume'))).toBe(true);
    expect(rec.secretIndex(TEMP.secretAccessKey)).toBeLessThan(rec.firstLog());
  });

  test('expired credentials are an error', async () => {
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: TEMP.accessKeyId,
      AWS_SECRET_ACCESS_KEY: TEMP.secretAccessKey,
      AWS_SESSION_TOKEN: TEMP.sessionToken,
    });
    const rec = recorder();
    await expect(resolveCredentials(base({ setSecret: rec.setSecret, log: rec.log, credentialsExpireAt: at(-5) })))
      .rejects.toThrow(/expired at .*credentials-expire-at input/);
  });

  test('nothing found: the error says how to provide credentials', async () => {
    const rec = recorder();
    const err = await resolveCredentials(base({ setSecret: rec.setSecret, log: rec.log })).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toBe(NO_CREDENTIALS_MESSAGE);
    expect(NO_CREDENTIALS_MESSAGE).toMatch(/aws-actions\/configure-aws-credentials/);
    expect(NO_CREDENTIALS_MESSAGE).toMatch(/`role-to-assume`.*`permissions: id-token: write`/);
    expect(NO_CREDENTIALS_MESSAGE).toMatch(/AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY/);
  });
});

describe('resolveCredentials with role-to-assume: failures before STS', () => {
  test('no ACTIONS_ID_TOKEN_REQUEST_URL (real core.getIDToken): names `permissions: id-token: write`', async () => {
    const restore = setEnv({ ACTIONS_ID_TOKEN_REQUEST_URL: undefined, ACTIONS_ID_TOKEN_REQUEST_TOKEN: undefined });
    try {
      const rec = recorder();
      await expect(resolveCredentials(base({ roleToAssume: ROLE, setSecret: rec.setSecret, log: rec.log })))
        .rejects.toThrow(/`permissions: id-token: write`/);
    } finally {
      restore();
    }
  });

  test('a role name instead of an ARN is refused before asking for a token', async () => {
    let asked = 0;
    const getIDToken = async () => {
      asked++;
      return 'x.y.z';
    };
    await expect(resolveCredentials(base({ roleToAssume: 'artifact-uploader', getIDToken, log: recorder().log })))
      .rejects.toThrow(/not a role ARN/);
    expect(asked).toBe(0);
  });

  test('an explicit session duration outside 900..43200 is refused', async () => {
    const getIDToken = async () => 'x.y.z';
    await expect(resolveCredentials(base({ roleToAssume: ROLE, roleSessionDuration: 50000, getIDToken, log: recorder().log })))
      .rejects.toThrow(/from 900 to 43200/);
  });
});

/* ---------------------------------------------------------------------------------------------- */
/* Integration: real STS emulator (moto), real core.getIDToken against a fake runner token service. */

function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ server: Server; url: string }> {
  return new Promise((resolve) => {
    const server = createServer(handler);
    server.listen(0, '127.0.0.1', () => {
      const a = server.address();
      resolve({ server, url: `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}` });
    });
  });
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString();
}

const b64url = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
const FAKE_JWT = `${b64url({ alg: 'RS256', typ: 'JWT' })}.${b64url({ sub: 'repo:octo/demo:ref:refs/heads/main', aud: 'sts.amazonaws.com' })}.c2lnbmF0dXJl`;
const REQUEST_TOKEN = 'runner-request-token';

function stsErrorXml(code: string, message: string): string {
  return (
    '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type>' +
    `<Code>${code}</Code><Message>${message}</Message></Error><RequestId>stub-request</RequestId></ErrorResponse>`
  );
}

describeIfMoto('resolveCredentials with role-to-assume against moto STS', () => {
  let moto: MotoServer;
  let oidc: { server: Server; url: string };
  const oidcRequests: Array<{ audience: string | null; auth: string | undefined }> = [];
  let restoreEnv: () => void;

  /**
   * Stand-in for STS features moto lacks: answers with real AWS error XML when `reply` says so,
   * forwards everything else to moto. Records each request's DurationSeconds.
   */
  async function stsStub(reply: (params: URLSearchParams) => { status: number; code: string; message: string } | undefined) {
    const durations: number[] = [];
    const stub = await listen(async (req, res) => {
      const text = await body(req);
      const params = new URLSearchParams(text);
      durations.push(Number(params.get('DurationSeconds')));
      const error = reply(params);
      if (error) {
        res.writeHead(error.status, { 'content-type': 'text/xml' }).end(stsErrorXml(error.code, error.message));
        return;
      }
      const upstream = await fetch(moto.endpoint + (req.url ?? '/'), {
        method: 'POST',
        headers: { 'content-type': String(req.headers['content-type']) },
        body: text,
      });
      res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'text/xml' });
      res.end(await upstream.text());
    });
    return { ...stub, durations };
  }

  beforeAll(async () => {
    moto = await startMoto();
    oidc = await listen((req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      oidcRequests.push({ audience: url.searchParams.get('audience'), auth: req.headers.authorization });
      if (req.headers.authorization !== `Bearer ${REQUEST_TOKEN}`) {
        res.writeHead(401, { 'content-type': 'application/json' }).end('{"message":"bad token"}');
        return;
      }
      if (url.pathname !== '/idtoken' || url.searchParams.get('api-version') !== '2.0' || !url.searchParams.get('audience')) {
        res.writeHead(400, { 'content-type': 'application/json' }).end('{"message":"bad request"}');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ value: FAKE_JWT }));
    });
    restoreEnv = setEnv({
      ...ISOLATED_AWS_ENV,
      ACTIONS_ID_TOKEN_REQUEST_URL: `${oidc.url}/idtoken?api-version=2.0`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: REQUEST_TOKEN,
    });
  });

  afterAll(async () => {
    restoreEnv?.();
    if (oidc) await close(oidc.server);
    await moto?.stop();
  });

  beforeEach(() => {
    oidcRequests.length = 0;
  });

  const roleOpts = (o: Partial<ResolveOptions>) =>
    base({ roleToAssume: ROLE, stsEndpoint: moto.endpoint, now: () => new Date(), ...o });

  test('assumes the role: ASIA… keys, expiresAt = now + duration, masked before any log line', async () => {
    const rec = recorder();
    const before = Date.now();
    const r = await resolveCredentials(roleOpts({ requestedLinkSeconds: 3600, setSecret: rec.setSecret, log: rec.log }));
    const duration = 3600 + SESSION_MARGIN_SECONDS;

    expect(oidcRequests).toEqual([{ audience: 'sts.amazonaws.com', auth: `Bearer ${REQUEST_TOKEN}` }]);
    expect(r.kind).toBe('assumed-role');
    expect(r.expirySource).toBe('STS session (role-to-assume)');
    expect(r.credentials.accessKeyId).toMatch(/^ASIA/);
    expect(r.credentials.sessionToken).toBeTruthy();
    expect(r.warnings).toEqual([]);
    expect(r.expiresAt!.getTime()).toBeGreaterThanOrEqual(before + duration * 1000 - 2000);
    expect(r.expiresAt!.getTime()).toBeLessThanOrEqual(Date.now() + duration * 1000 + 2000);
    expect(r.credentials.expiration).toEqual(r.expiresAt);

    const first = rec.firstLog();
    expect(first).toBeGreaterThan(0);
    expect(rec.secretIndex(r.credentials.secretAccessKey)).toBeGreaterThanOrEqual(0);
    expect(rec.secretIndex(r.credentials.secretAccessKey)).toBeLessThan(first);
    expect(rec.secretIndex(r.credentials.sessionToken!)).toBeLessThan(first);
    expect(rec.events.slice(first).join('\n')).not.toContain(r.credentials.secretAccessKey);
  });

  test('custom audience and explicit 900 s session; 7-day links ask for the 12 h maximum', async () => {
    const short = await resolveCredentials(
      roleOpts({ audience: 'my-audience', roleSessionDuration: 900, setSecret: () => undefined, log: recorder().log }),
    );
    expect(oidcRequests[0].audience).toBe('my-audience');
    expect(Math.round((short.expiresAt!.getTime() - Date.now()) / 1000)).toBeGreaterThan(890);
    expect(Math.round((short.expiresAt!.getTime() - Date.now()) / 1000)).toBeLessThanOrEqual(900);

    const week = await resolveCredentials(roleOpts({ requestedLinkSeconds: 7 * 86400, setSecret: () => undefined, log: recorder().log }));
    expect(Math.round((week.expiresAt!.getTime() - Date.now()) / 1000)).toBeGreaterThan(MAX_SESSION_SECONDS - 10);
    expect(Math.round((week.expiresAt!.getTime() - Date.now()) / 1000)).toBeLessThanOrEqual(MAX_SESSION_SECONDS);
  });

  test('moto quirk: it enforces neither the 43200 s limit nor a role ARN format', async () => {
    // This is why the retry path below uses a stub, and why role ARNs are validated locally.
    const sts = new STSClient({ region: 'us-east-1', endpoint: moto.endpoint, httpAuthSchemeProvider: () => [{ schemeId: 'smithy.api#noAuth' }] });
    try {
      const out = await sts.send(new AssumeRoleWithWebIdentityCommand({
        RoleArn: 'not-an-arn', RoleSessionName: 's1', WebIdentityToken: FAKE_JWT, DurationSeconds: 100000,
      }));
      expect(out.Credentials!.AccessKeyId).toMatch(/^ASIA/);
      expect(Math.round((out.Credentials!.Expiration!.getTime() - Date.now()) / 1000)).toBeGreaterThan(99990);
    } finally {
      sts.destroy();
    }
  });

  test('STS refuses the duration (role MaxSessionDuration 1 h): retries with 3600 s and warns', async () => {
    const stub = await stsStub((p) =>
      Number(p.get('DurationSeconds')) > 3600
        ? { status: 400, code: 'ValidationError', message: 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.' }
        : undefined,
    );
    try {
      const rec = recorder();
      const r = await resolveCredentials(roleOpts({ stsEndpoint: stub.url, requestedLinkSeconds: 4 * 3600, setSecret: rec.setSecret, log: rec.log }));
      expect(stub.durations).toEqual([4 * 3600 + SESSION_MARGIN_SECONDS, 3600]);
      expect(r.credentials.accessKeyId).toMatch(/^ASIA/);
      expect(Math.round((r.expiresAt!.getTime() - Date.now()) / 1000)).toBeGreaterThan(3590);
      expect(Math.round((r.expiresAt!.getTime() - Date.now()) / 1000)).toBeLessThanOrEqual(3600);
      expect(r.warnings).toHaveLength(1);
      expect(r.warnings[0]).toMatch(/retried with 3600 s.*capped/);
      const warningLines = rec.events.filter((e) => e.startsWith('warning:'));
      expect(warningLines).toEqual([`warning:${r.warnings[0]}`]);
      expect(rec.secretIndex(r.credentials.sessionToken!)).toBeLessThan(rec.firstLog());
    } finally {
      await close(stub.server);
    }
  });

  test('AccessDenied: the error points at the trust policy (sub, aud)', async () => {
    const stub = await stsStub(() => ({
      status: 403,
      code: 'AccessDenied',
      message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity',
    }));
    try {
      const err = await resolveCredentials(
        roleOpts({ stsEndpoint: stub.url, env: { GITHUB_REPOSITORY: 'octo/demo' }, setSecret: () => undefined, log: recorder().log }),
      ).catch((e: Error) => e);
      expect((err as Error).message).toMatch(/trust policy/);
      expect((err as Error).message).toContain('token.actions.githubusercontent.com');
      expect((err as Error).message).toContain('"repo:octo/demo:*"');
      expect((err as Error).message).toContain('"sts.amazonaws.com"');
      expect(stub.durations).toHaveLength(1); // not retried
    } finally {
      await close(stub.server);
    }
  });

  test('the request token is sent to the runner token service; a wrong one fails clearly', async () => {
    const restore = setEnv({ ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'wrong' });
    try {
      await expect(resolveCredentials(roleOpts({ setSecret: () => undefined, log: recorder().log })))
        .rejects.toThrow(/Could not get GitHub's OIDC token for audience "sts.amazonaws.com".*401/s);
    } finally {
      restore();
    }
  });
});
