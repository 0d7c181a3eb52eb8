/** The one place that reads action inputs: parses and validates them into a typed object. */
import * as core from '@actions/core';
import { DispositionMode } from '../links/disposition.js';
import { parseDuration } from '../links/duration.js';
import { DEFAULT_KEY_PREFIX } from '../links/keys.js';
import type { Browse } from '../sites/detect.js';
import { DEFAULT_AUDIENCE, Input } from './constants.js';
import { Env, readEnv } from './context.js';
import { LinkSignerConfig, parseLinkSigner } from './link-signer.js';
import { isRoleArn, isSessionDuration, isSessionName, parseIsoInstant } from './validate.js';

export type Mode = 'upload' | 'refresh' | 'cleanup';
export type IfNoFilesFound = 'warn' | 'error' | 'ignore';
export type CommentMode = 'auto' | 'always' | 'never';
export type PublicRepoPolicy = 'warn' | 'refuse' | 'allow';

export interface Inputs {
  mode: Mode;
  patterns: string[];
  bucket: string;
  region: string;
  endpoint?: URL;
  forcePathStyle: boolean;
  keyPrefix: string;
  expiresInSeconds: number;
  contentDisposition: DispositionMode;
  /** Which folders open in the browser as sites. */
  browse: Browse;
  /**
   * Files built from a fork's code get sites and inline HTML, SVG and XML like this repository's own
   * (default false: no sites, those types as attachments).
   */
  trustForkContent: boolean;
  concurrency: number;
  ifNoFilesFound: IfNoFilesFound;
  githubToken: string;
  comment: CommentMode;
  prNumber?: number;
  commentKey: string;
  section: string;
  matrix: string;
  failOnCommentError: boolean;
  /** Set a commit status per section, its Details link the share page. */
  commitStatus: boolean;
  publicRepo: PublicRepoPolicy;
  roleToAssume?: string;
  roleSessionDuration?: number;
  roleSessionName: string;
  audience: string;
  credentialsExpireAt?: Date;
  /** Who signs the links instead of the upload's credentials: a signing key or CloudFront. */
  linkSigner?: LinkSignerConfig;
}

export const DEFAULT_CONCURRENCY = 16;
/** Above this, memory grows past 200 MB for little gain (see README, Performance). */
export const MAX_CONCURRENCY = 32;

type Read = (name: string) => string;

/**
 * Reads every input; throws an Error naming the input and the fix on the first bad one. `env`
 * supplies the default region (AWS_REGION, AWS_DEFAULT_REGION), as the AWS CLI and SDK do. `mask`
 * (core.setSecret) gets every secret input before anything can log it.
 */
export function getInputs(
  read: Read = (n) => core.getInput(n),
  env: Pick<Env, 'AWS_REGION' | 'AWS_DEFAULT_REGION'> = readEnv(),
  mask: (secret: string) => void = core.setSecret,
): Inputs {
  const get = (name: string) => read(name).trim();
  const linkSigner = parseLinkSigner(read, mask);
  const mode = oneOf(Input.Mode, get(Input.Mode) || 'upload', ['upload', 'refresh', 'cleanup'] as const);
  const patterns = read(Input.Path)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (mode === 'upload' && patterns.length === 0) {
    throw new Error(`Input '${Input.Path}' is required: one glob pattern per line, e.g. 'dist/**' (prefix a line with ! to exclude).`);
  }
  const endpoint = parseEndpoint(get(Input.Endpoint));
  return {
    mode,
    patterns,
    bucket: parseBucket(get(Input.Bucket), endpoint !== undefined),
    region: parseRegion(get(Input.Region) || env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1', endpoint !== undefined),
    endpoint,
    forcePathStyle: parseBoolean(Input.ForcePathStyle, get(Input.ForcePathStyle), endpoint !== undefined),
    keyPrefix: get(Input.KeyPrefix) || DEFAULT_KEY_PREFIX,
    expiresInSeconds: parseDuration(get(Input.ExpiresIn) || '7d', Input.ExpiresIn),
    contentDisposition: oneOf(Input.ContentDisposition, get(Input.ContentDisposition) || 'auto', ['auto', 'inline', 'attachment'] as const),
    browse: parseBrowse(read(Input.Browse)),
    trustForkContent: parseBoolean(Input.TrustForkContent, get(Input.TrustForkContent), false),
    concurrency: parseInteger(Input.Concurrency, get(Input.Concurrency), DEFAULT_CONCURRENCY, 1, MAX_CONCURRENCY),
    ifNoFilesFound: oneOf(Input.IfNoFilesFound, get(Input.IfNoFilesFound) || 'warn', ['warn', 'error', 'ignore'] as const),
    githubToken: get(Input.GithubToken),
    comment: oneOf(Input.Comment, get(Input.Comment) || 'auto', ['auto', 'always', 'never'] as const),
    prNumber: get(Input.PrNumber) ? parseInteger(Input.PrNumber, get(Input.PrNumber), 0, 1, Number.MAX_SAFE_INTEGER) : undefined,
    commentKey: get(Input.CommentKey),
    section: get(Input.Section),
    matrix: get(Input.Matrix),
    failOnCommentError: parseBoolean(Input.FailOnCommentError, get(Input.FailOnCommentError), false),
    commitStatus: parseBoolean(Input.CommitStatus, get(Input.CommitStatus), true),
    publicRepo: oneOf(Input.PublicRepo, get(Input.PublicRepo) || 'warn', ['warn', 'refuse', 'allow'] as const),
    roleToAssume: parseRoleArn(get(Input.RoleToAssume)),
    roleSessionDuration: parseSessionDuration(get(Input.RoleSessionDuration)),
    roleSessionName: parseSessionName(get(Input.RoleSessionName) || 'github-artifact-links'),
    audience: get(Input.Audience) || DEFAULT_AUDIENCE,
    credentialsExpireAt: parseTime(Input.CredentialsExpireAt, get(Input.CredentialsExpireAt)),
    linkSigner,
  };
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  const v = value.toLowerCase() as T;
  if (!allowed.includes(v)) {
    throw new Error(`Input '${name}' is '${value}'; use one of: ${allowed.join(', ')}.`);
  }
  return v;
}

function parseBoolean(name: string, value: string, fallback: boolean): boolean {
  if (value === '') return fallback;
  if (/^(true|yes|on|1)$/i.test(value)) return true;
  if (/^(false|no|off|0)$/i.test(value)) return false;
  throw new Error(`Input '${name}' is '${value}'; use true or false.`);
}

function parseInteger(name: string, value: string, fallback: number, min: number, max: number): number {
  if (value === '') return fallback;
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new Error(`Input '${name}' is '${value}'; use a whole number from ${min} to ${max}.`);
  }
  return n;
}

function parseEndpoint(value: string): URL | undefined {
  if (!value) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  // Never echo user info: the password would reach the log.
  const shown = redactUserInfo(value);
  if (url && (url.username || url.password || /^[^/?#]*\/\/[^/?#]*@/.test(value))) {
    throw new Error(
      `Input '${Input.Endpoint}' is '${shown}', which has user info (user:password@) in it: a password there would be sent and logged. ` +
        `Remove it and pass the store's keys as AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY from repository secrets.`,
    );
  }
  if (!url || !/^https?:$/.test(url.protocol) || url.search || url.hash) {
    throw new Error(
      `Input '${Input.Endpoint}' is '${shown}', which is not an S3 endpoint URL. Use the store's base URL with its scheme, e.g. https://<account>.r2.cloudflarestorage.com or http://127.0.0.1:9000.`,
    );
  }
  return url;
}

/**
 * `value` with everything between the scheme's `//` and the last `@` replaced by `***`: whatever the
 * URL's shape, a password in it is not echoed. Pure.
 */
export function redactUserInfo(value: string): string {
  return value.replace(/^([^/?#]*\/\/).*@/s, '$1***@');
}

/** AWS bucket naming rules; custom endpoints get only the rules every store shares. */
function parseBucket(value: string, customEndpoint: boolean): string {
  if (!value) {
    throw new Error(`Input '${Input.Bucket}' is required: the name of the private bucket to upload to.`);
  }
  if (/^s3:\/\/|\//.test(value)) {
    throw new Error(
      `Input '${Input.Bucket}' is '${value}'; give the bare bucket name (no s3:// and no path) and put any folder in 'key-prefix'.`,
    );
  }
  const valid = customEndpoint
    ? /^[A-Za-z0-9][A-Za-z0-9._-]{1,253}[A-Za-z0-9]$/.test(value)
    : /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(value) && !/\.\.|^\d+\.\d+\.\d+\.\d+$/.test(value);
  if (!valid) {
    throw new Error(
      customEndpoint
        ? `Input '${Input.Bucket}' is '${value}', which is not a bucket name: use 3-255 letters, digits, dots, hyphens and underscores, starting and ending with a letter or digit.`
        : `Input '${Input.Bucket}' is '${value}', which is not a valid bucket name: use 3-63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit.`,
    );
  }
  return value;
}

function parseRegion(value: string, customEndpoint: boolean): string {
  if (!customEndpoint && !/^([a-z]{2}(-gov|-iso[a-z]*)?|eusc-[a-z]{2})-[a-z]+-\d+$/.test(value)) {
    throw new Error(
      `Input '${Input.Region}' is '${value}', which is not an AWS region name (e.g. us-east-1, eu-west-3). For an S3-compatible store, also set 'endpoint'.`,
    );
  }
  if (!/^[A-Za-z0-9-]{1,64}$/.test(value)) {
    throw new Error(`Input '${Input.Region}' is '${value}'; use the region name your store expects (e.g. us-east-1 or auto).`);
  }
  return value;
}

/** STS accepts 15 minutes to 12 hours (and no more than the role's maximum session duration). */
function parseSessionDuration(value: string): number | undefined {
  if (!value) return undefined;
  const seconds = parseDuration(value, Input.RoleSessionDuration);
  if (!isSessionDuration(seconds)) {
    throw new Error(`Input '${Input.RoleSessionDuration}' is '${value}'; STS sessions last from 900 s (15m) to 43200 s (12h).`);
  }
  return seconds;
}

function parseRoleArn(value: string): string | undefined {
  if (!value) return undefined;
  if (!isRoleArn(value)) {
    throw new Error(`Input '${Input.RoleToAssume}' is '${value}'; use a role ARN such as arn:aws:iam::123456789012:role/artifact-links.`);
  }
  return value;
}

function parseTime(name: string, value: string): Date | undefined {
  if (!value) return undefined;
  const date = parseIsoInstant(value);
  if (!date) {
    throw new Error(
      `Input '${name}' is '${value}'; use an ISO 8601 time with Z or an offset, such as 2026-11-22T15:00:00Z (configure-aws-credentials' aws-expiration output).`,
    );
  }
  return date;
}

function parseSessionName(value: string): string {
  if (!isSessionName(value)) {
    throw new Error(`Input '${Input.RoleSessionName}' is '${value}'; use 2 to 64 characters from letters, digits and _+=,.@-`);
  }
  return value;
}

/** Parses the `browse` input; throws an error naming the input and what to write instead. */
export function parseBrowse(value: string): Browse {
  const lines = value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length === 0 || (lines.length === 1 && lines[0].toLowerCase() === 'auto')) return { mode: 'auto' };
  if (lines.length === 1 && lines[0].toLowerCase() === 'none') return { mode: 'none' };
  const globs = lines.map((line) => {
    const glob = line.replace(/^\.\/+/, '').replace(/\/+$/, '') || '.';
    const problem =
      glob.startsWith('/') || /^[A-Za-z]:/.test(glob)
        ? 'is an absolute path'
        : glob.includes('\\')
          ? 'contains a backslash'
          : glob.split('/').some((s) => s === '..' || (s === '.' && glob !== '.'))
            ? 'contains a "." or ".." segment'
            : ['auto', 'none'].includes(glob.toLowerCase())
              ? 'mixes auto/none with folder globs'
              : undefined;
    if (problem) {
      throw new Error(
        `Input '${Input.Browse}' ${problem}: '${line}'. Write auto (default), none, or folder globs relative to the uploaded files, one per line (e.g. coverage/lcov-report, docs/*, . for the root).`,
      );
    }
    return glob;
  });
  return { mode: 'folders', globs };
}
