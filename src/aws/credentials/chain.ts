/**
 * Resolve the credentials that sign uploads and presigned links, and say how long they live:
 * either the SDK's default chain, or, with `role-to-assume`, the action's own STS session.
 */
import * as core from '@actions/core';
import { Env, readEnv } from '../../config/context.js';
import { actionLog, errorMessage, type Logger } from '../../util/log.js';
import { assumeRole } from './assume-role.js';
import { classifyCredentials, maskCredentials, ResolvedCredentials, SigningCredentials } from './classify.js';
import { NO_CREDENTIALS_MESSAGE } from './errors.js';

export type CredentialEnv = Pick<Env, 'AWS_CREDENTIAL_EXPIRATION' | 'repository' | 'stsEndpoint' | 'ACTIONS_ID_TOKEN_REQUEST_URL'>;

export type CredentialProvider = () => Promise<{
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}>;

export interface ResolveOptions {
  region: string;
  roleToAssume?: string;
  roleSessionName: string;
  /** Seconds; default sessionDurationFor(requestedLinkSeconds) (link lifetime + margin, 900..43200). */
  roleSessionDuration?: number;
  requestedLinkSeconds: number;
  /** Default DEFAULT_AUDIENCE (config/constants.ts: sts.amazonaws.com). */
  audience?: string;
  credentialsExpireAt?: Date;
  /**
   * AWS_CREDENTIAL_EXPIRATION, GITHUB_REPOSITORY, the STS endpoint and ACTIONS_ID_TOKEN_REQUEST_URL.
   * Default readEnv(). (The SDK and core.getIDToken read their own variables.)
   */
  env?: CredentialEnv;
  now?: () => Date;
  /** Default core.getIDToken. */
  getIDToken?: (aud: string) => Promise<string>;
  /** Default: the SDK's (AWS_ENDPOINT_URL_STS, else the regional endpoint). */
  stsEndpoint?: string;
  /** Default: the action's logger (actionLog). */
  log?: Logger;
  /** Default core.setSecret. */
  setSecret?: (s: string) => void;
  /** Cap for temporary credentials of unknown expiry. Default DEFAULT_UNKNOWN_SESSION_CAP_SECONDS. */
  unknownSessionCapSeconds?: number;
  /** Without role-to-assume. Default defaultProvider() from @aws-sdk/credential-provider-node. */
  credentialProvider?: CredentialProvider;
  /** A dedicated signer signs the links: these credentials only upload (no warning about capped links). */
  uploadOnly?: boolean;
}

/**
 * Get signing credentials and their lifetime. Secrets are passed to `setSecret` before any line is
 * logged (log lines are held back until the credentials are masked).
 */
export async function resolveCredentials(options: ResolveOptions): Promise<ResolvedCredentials> {
  const log = new HeldLog(options.log ?? actionLog);
  try {
    const env = options.env ?? readEnv();
    const result = options.roleToAssume
      ? await assumeRole(
          {
            ...options,
            audience: options.audience ?? '',
            repository: env.repository,
            envStsEndpoint: env.stsEndpoint,
            idTokenRequestUrl: env.ACTIONS_ID_TOKEN_REQUEST_URL,
            now: options.now ?? (() => new Date()),
            getIDToken: options.getIDToken ?? core.getIDToken,
            setSecret: options.setSecret ?? core.setSecret,
          },
          options.roleToAssume,
          log,
        )
      : await fromDefaultChain(options, env, log);
    for (const w of result.warnings) log.warning(w);
    return result;
  } finally {
    log.flush();
  }
}

/** Queues log lines until flush(), so nothing is printed before the secrets are masked. */
class HeldLog implements Logger {
  private readonly lines: Array<{ level: 'info' | 'warning'; message: string }> = [];
  constructor(private readonly out: Logger) {}
  info(message: string): void {
    this.lines.push({ level: 'info', message });
  }
  warning(message: string): void {
    this.lines.push({ level: 'warning', message });
  }
  flush(): void {
    for (const { level, message } of this.lines.splice(0)) this.out[level](message);
  }
}

async function fromDefaultChain(options: ResolveOptions, env: CredentialEnv, log: Logger): Promise<ResolvedCredentials> {
  const setSecret = options.setSecret ?? core.setSecret;
  const now = (options.now ?? (() => new Date()))();
  // Loaded on demand: start-up time matters, and only this path needs the provider chain.
  const provider = options.credentialProvider ?? (await import('@aws-sdk/credential-provider-node')).defaultProvider();
  let found: Awaited<ReturnType<CredentialProvider>>;
  try {
    found = await provider();
  } catch (e) {
    const name = (e as { name?: string }).name;
    if (name === 'CredentialsProviderError' || /could not load credentials/i.test(errorMessage(e))) {
      throw new Error(NO_CREDENTIALS_MESSAGE, { cause: e });
    }
    throw new Error(`Loading AWS credentials from the default chain failed: ${errorMessage(e)}. ${NO_CREDENTIALS_MESSAGE}`, { cause: e });
  }
  const creds: SigningCredentials = {
    accessKeyId: found.accessKeyId,
    secretAccessKey: found.secretAccessKey,
    ...(found.sessionToken ? { sessionToken: found.sessionToken } : {}),
    ...(found.expiration ? { expiration: found.expiration } : {}),
  };
  maskCredentials(setSecret, creds);

  const result = classifyCredentials(creds, {
    env,
    credentialsExpireAt: options.credentialsExpireAt,
    now,
    unknownCapSeconds: options.unknownSessionCapSeconds,
    uploadOnly: options.uploadOnly,
  });
  if (result.expiresAt && result.expiresAt.getTime() <= now.getTime()) {
    throw new Error(result.warnings[result.warnings.length - 1]);
  }
  log.info(
    result.expiresAt
      ? `Using ${result.kind} AWS credentials from the default chain, valid until ` +
          `${result.expiresAt.toISOString()} (${result.expirySource}).`
      : `Using ${result.kind} AWS credentials from the default chain (no expiry).`,
  );
  return result;
}
