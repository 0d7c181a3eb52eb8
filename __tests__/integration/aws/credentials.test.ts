/** resolveCredentials against the real SDK default chain, a local STS stub and moto's STS. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { STSClient, AssumeRoleWithWebIdentityCommand } from '@aws-sdk/client-sts';
import { MAX_SESSION_SECONDS, SESSION_MARGIN_SECONDS } from '../../../src/aws/credentials/assume-role.js';
import { resolveCredentials, type ResolveOptions } from '../../../src/aws/credentials/chain.js';
import { NO_CREDENTIALS_MESSAGE } from '../../../src/aws/credentials/errors.js';
import { describeIfMoto, startMoto, type MotoServer } from '../../support/moto.js';

const NOW = new Date('2025-06-01T12:00:00Z');
const ROLE = 'arn:aws:iam::123456789012:role/artifact-uploader';
const LONG = { accessKeyId: 'AKIAEXAMPLEEXAMPLE00', secretAccessKey: 'long-term-secret' };
const TEMP = { accessKeyId: 'ASIAEXAMPLEEXAMPLE00', secretAccessKey: 'temp-secret', sessionToken: 'temp-token' };
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

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
    await expect(resolveCredentials(base({ setSecret: rec.setSecret, log: rec.log, credentialsExpireAt: at(-5) }))).rejects.toThrow(
      /expired at .*credentials-expire-at input/,
    );
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
      await expect(resolveCredentials(base({ roleToAssume: ROLE, setSecret: rec.setSecret, log: rec.log }))).rejects.toThrow(
        /`permissions: id-token: write`/,
      );
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
    await expect(resolveCredentials(base({ roleToAssume: 'artifact-uploader', getIDToken, log: recorder().log }))).rejects.toThrow(
      /not a role ARN/,
    );
    expect(asked).toBe(0);
  });

  test('an explicit session duration outside 900..43200 is refused', async () => {
    const getIDToken = async () => 'x.y.z';
    await expect(
      resolveCredentials(base({ roleToAssume: ROLE, roleSessionDuration: 50000, getIDToken, log: recorder().log })),
    ).rejects.toThrow(/from 900 to 43200/);
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
    // eslint-disable-next-line @typescript-eslint/no-misused-promises -- test server: a failed request fails the test through its client
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

  const roleOpts = (o: Partial<ResolveOptions>) => base({ roleToAssume: ROLE, stsEndpoint: moto.endpoint, now: () => new Date(), ...o });

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
    const sts = new STSClient({
      region: 'us-east-1',
      endpoint: moto.endpoint,
      httpAuthSchemeProvider: () => [{ schemeId: 'smithy.api#noAuth' }],
    });
    try {
      const out = await sts.send(
        new AssumeRoleWithWebIdentityCommand({
          RoleArn: 'not-an-arn',
          RoleSessionName: 's1',
          WebIdentityToken: FAKE_JWT,
          DurationSeconds: 100000,
        }),
      );
      expect(out.Credentials!.AccessKeyId).toMatch(/^ASIA/);
      expect(Math.round((out.Credentials!.Expiration!.getTime() - Date.now()) / 1000)).toBeGreaterThan(99990);
    } finally {
      sts.destroy();
    }
  });

  test('STS refuses the duration (role MaxSessionDuration 1 h): retries with 3600 s and warns', async () => {
    const stub = await stsStub((p) =>
      Number(p.get('DurationSeconds')) > 3600
        ? {
            status: 400,
            code: 'ValidationError',
            message: 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
          }
        : undefined,
    );
    try {
      const rec = recorder();
      const r = await resolveCredentials(
        roleOpts({ stsEndpoint: stub.url, requestedLinkSeconds: 4 * 3600, setSecret: rec.setSecret, log: rec.log }),
      );
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
        roleOpts({ stsEndpoint: stub.url, env: { repository: 'octo/demo' }, setSecret: () => undefined, log: recorder().log }),
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
      await expect(resolveCredentials(roleOpts({ setSecret: () => undefined, log: recorder().log }))).rejects.toThrow(
        /Could not get GitHub's OIDC token for audience "sts.amazonaws.com".*401/s,
      );
    } finally {
      restore();
    }
  });
});
