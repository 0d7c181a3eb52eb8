/**
 * Step: before any link is published, one signed link is fetched to prove that whoever signs the
 * links can read what they point to. A dedicated signing key (an IAM user) or a CloudFront key pair
 * can be wrong in ways that only show when a reviewer clicks: unknown key, wrong secret, no
 * permission, another bucket, a distribution that does not serve the bucket.
 *
 * `probeLink` is the thin I/O part (one GET with `Range: bytes=0-0`, retried on 5xx and network
 * errors); `explainSigningKeyFailure` and `explainCloudFrontFailure` turn a failed probe into a
 * sentence naming the input and the fix. Neither message quotes a secret.
 */
import { realSleep, type Sleep } from '../util/retry.js';

export type ProbeOutcome =
  | { ok: true; status: number }
  /** `code`: the S3/CloudFront error code from the XML body, or the network error code. */
  | { ok: false; status?: number; code: string; message: string; fromS3: boolean };

export interface ProbeOptions {
  fetch?: typeof fetch;
  sleep?: Sleep;
  /** Attempts in all, for 5xx, 429 and network errors (default 3). */
  attempts?: number;
  /** Per attempt (default 15 s). */
  timeoutMs?: number;
}

/** `<Code>` and `<Message>` of an S3 or CloudFront XML error body (undefined when absent). */
export function parseXmlError(body: string): { code?: string; message?: string; requestId?: string } {
  const field = (name: string) => new RegExp(`<${name}>([^<]{0,2000})</${name}>`).exec(body)?.[1];
  const unescape = (s: string | undefined) =>
    s
      ?.replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  return { code: field('Code'), message: unescape(field('Message')), requestId: field('RequestId') };
}

/**
 * GETs the first byte of `url`. 200 and 206 mean the signature and the permission hold; so does 416
 * (an empty object: S3 checks access before the range).
 */
export async function probeLink(url: string, options: ProbeOptions = {}): Promise<ProbeOutcome> {
  const doFetch = options.fetch ?? fetch;
  const sleep = options.sleep ?? realSleep;
  const attempts = options.attempts ?? 3;
  let outcome: ProbeOutcome = { ok: false, code: 'Error', message: 'not attempted', fromS3: false };
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if (attempt > 1) await sleep(500 * 2 ** (attempt - 2));
    try {
      const response = await doFetch(url, {
        headers: { range: 'bytes=0-0' },
        redirect: 'manual',
        signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
      });
      if (response.status === 200 || response.status === 206 || response.status === 416) {
        await response.body?.cancel();
        return { ok: true, status: response.status };
      }
      const body = (await response.text()).slice(0, 65_536);
      const xml = parseXmlError(body);
      outcome = {
        ok: false,
        status: response.status,
        code: xml.code ?? `HTTP ${response.status}`,
        message: xml.message ?? (response.statusText || body.slice(0, 200)),
        fromS3: xml.requestId !== undefined,
      };
      if (response.status < 500 && response.status !== 429) return outcome;
    } catch (e) {
      const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } };
      const code = err.cause?.code ?? (err.name === 'TimeoutError' ? 'TimeoutError' : err.name) ?? 'Error';
      outcome = { ok: false, code, message: err.cause?.message ?? err.message ?? String(e), fromS3: false };
    }
  }
  return outcome;
}

function partition(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

export interface SigningKeyContext {
  bucket: string;
  region: string;
  /** Keys the signing key must read, e.g. `octo/repo/` (the static start of `key-prefix`). */
  keyPrefix: string;
  /** Where the bucket is: `S3 in eu-west-1` or an endpoint host. */
  where: string;
}

const KEY_ID = "'signing-access-key-id'";
const SECRET = "'signing-secret-access-key'";

/** Why the dedicated signing key cannot read what it would sign, and what to change. */
export function explainSigningKeyFailure(outcome: Exclude<ProbeOutcome, { ok: true }>, ctx: SigningKeyContext): string {
  const arn = `arn:${partition(ctx.region)}:s3:::${ctx.bucket}/${ctx.keyPrefix}*`;
  const head = `The signing key cannot read the files it would sign links for (${outcome.code}${outcome.status ? `, HTTP ${outcome.status}` : ''}: ${outcome.message}).`;
  const fix = ((): string => {
    switch (outcome.code) {
      case 'InvalidAccessKeyId':
        return `${ctx.where} does not know the access key in ${KEY_ID}: check that it is the key of the signing IAM user, active, and for this store ('endpoint', 'region').`;
      case 'SignatureDoesNotMatch':
        return `${SECRET} is not the secret of the access key in ${KEY_ID} (or 'region' is not the bucket's region). Store the secret that was shown when the key was created.`;
      case 'AccessDenied':
      case 'AllAccessDisabled':
        return /kms/i.test(outcome.message)
          ? `The bucket encrypts objects with a KMS key: allow the signing IAM user kms:Decrypt on that key, besides s3:GetObject on ${arn}.`
          : `Allow the signing IAM user (${KEY_ID}) s3:GetObject on ${arn}` +
              " (and kms:Decrypt on the bucket's KMS key if it uses SSE-KMS). If the user belongs to another AWS account, the bucket policy must grant it as well; check that no bucket policy denies it.";
      case 'NoSuchBucket':
        return `Bucket '${ctx.bucket}' does not exist at ${ctx.where}: check 'bucket', 'region' and 'endpoint'.`;
      case 'NoSuchKey':
        return `The object was just uploaded but the signing key does not see it at ${ctx.where}: the key must sign for the same bucket, 'region' and 'endpoint' as the upload.`;
      case 'ExpiredToken':
      case 'InvalidToken':
      case 'TokenRefreshRequired':
        return `${KEY_ID} must be a long-term IAM user access key (AKIA…): temporary credentials would put a session token into every link and end with the session.`;
      case 'RequestTimeTooSkewed':
        return "The runner's clock is off by more than 15 minutes; links signed now would be refused.";
      case 'PermanentRedirect':
      case 'AuthorizationQueryParametersError':
      case 'AuthorizationHeaderMalformed':
      case 'IllegalLocationConstraintException':
        return `Bucket '${ctx.bucket}' is in another region: set 'region' to the bucket's region.`;
      default:
        return outcome.status === undefined
          ? `Could not reach ${ctx.where}: check 'endpoint' and 'region' and that the runner can reach the store.`
          : `Check ${KEY_ID} and ${SECRET}, and that the signing IAM user may s3:GetObject on ${arn}.`;
    }
  })();
  return `${head} ${fix}`;
}

export interface CloudFrontContext {
  /** The validated `cloudfront-url`. */
  cloudFrontUrl: string;
  bucket: string;
  /** The key that was probed. */
  key: string;
}

/** Why a CloudFront signed link does not work, and what to change. */
export function explainCloudFrontFailure(outcome: Exclude<ProbeOutcome, { ok: true }>, ctx: CloudFrontContext): string {
  const head = `A CloudFront signed link does not work (${outcome.code}${outcome.status ? `, HTTP ${outcome.status}` : ''}: ${outcome.message}).`;
  const fix = ((): string => {
    if (outcome.status === undefined)
      return `Could not reach ${ctx.cloudFrontUrl}: check 'cloudfront-url' and that the runner can reach it.`;
    if (outcome.code === 'MissingKey' || outcome.code === 'InvalidKey') {
      return "The distribution does not trust 'cloudfront-key-pair-id': add that public key to a key group and the key group to the distribution's cache behavior (Restrict viewer access → trusted key groups).";
    }
    if (outcome.fromS3 && outcome.code === 'AccessDenied') {
      return `CloudFront accepted the signature but the bucket refused CloudFront: give the distribution an Origin Access Control and allow it s3:GetObject on arn:aws:s3:::${ctx.bucket}/* in the bucket policy (condition AWS:SourceArn = the distribution's ARN).`;
    }
    if (outcome.code === 'AccessDenied' || outcome.status === 403) {
      return "CloudFront refused the signature: 'cloudfront-private-key' must be the private key of the public key 'cloudfront-key-pair-id' names, and the distribution's cache behavior must trust that key's group. If the signature is right, the bucket may be refusing CloudFront (Origin Access Control and bucket policy).";
    }
    if (outcome.code === 'NoSuchKey' || outcome.status === 404) {
      return `The distribution does not serve '${ctx.key}' at ${ctx.cloudFrontUrl}/<key>: its origin must be bucket '${ctx.bucket}' with no origin path, and 'cloudfront-url' must not add a path the distribution does not strip.`;
    }
    if (outcome.code === 'NoSuchBucket')
      return `The distribution's origin is not bucket '${ctx.bucket}': point its origin at the bucket the action uploads to.`;
    return `Check 'cloudfront-url' (the distribution in front of bucket '${ctx.bucket}') and that its origin is reachable.`;
  })();
  return `${head} ${fix}`;
}
