/**
 * Who signs the links when it is not the upload's credentials: a dedicated signing key (an IAM user
 * that may only read the artifacts) or a CloudFront key pair. Part of reading the inputs: every
 * secret is masked before it is validated, so nothing can print it.
 */
import { parseCloudFrontKeyPairId, parseCloudFrontPrivateKey, parseCloudFrontUrl } from '../links/cloudfront.js';
import { Input } from './constants.js';

export interface SigningKeyConfig {
  kind: 'signing-key';
  accessKeyId: string;
  secretAccessKey: string;
}

export interface CloudFrontConfig {
  kind: 'cloudfront';
  /** The validated `cloudfront-url`, without a trailing slash. */
  url: string;
  keyPairId: string;
  /** PKCS#8 PEM of an RSA 2048 or ECDSA P-256 key. */
  privateKeyPem: string;
}

export type LinkSignerConfig = SigningKeyConfig | CloudFrontConfig;

/** `get` returns an input's raw value (untrimmed); `mask` is core.setSecret. */
export function parseLinkSigner(get: (name: string) => string, mask: (secret: string) => void): LinkSignerConfig | undefined {
  const keyId = get(Input.SigningAccessKeyId).trim();
  const secret = get(Input.SigningSecretAccessKey).trim();
  const pem = get(Input.CloudFrontPrivateKey);
  // Masked first: a later error must not be the first line to mention them.
  if (keyId) mask(keyId);
  if (secret) mask(secret);
  maskPem(pem, mask);
  const cloudFront = { url: get(Input.CloudFrontUrl).trim(), keyPairId: get(Input.CloudFrontKeyPairId).trim(), pem: pem.trim() };

  const signing = Boolean(keyId || secret);
  const viaCloudFront = Boolean(cloudFront.url || cloudFront.keyPairId || cloudFront.pem);
  if (signing && viaCloudFront) {
    throw new Error(
      `Set either the signing key ('${Input.SigningAccessKeyId}', '${Input.SigningSecretAccessKey}') or CloudFront ('${Input.CloudFrontUrl}', '${Input.CloudFrontKeyPairId}', '${Input.CloudFrontPrivateKey}'), not both: links are signed one way.`,
    );
  }
  if (signing) return parseSigningKey(keyId, secret);
  if (viaCloudFront) {
    const missing = [
      [Input.CloudFrontUrl, cloudFront.url],
      [Input.CloudFrontKeyPairId, cloudFront.keyPairId],
      [Input.CloudFrontPrivateKey, cloudFront.pem],
    ]
      .filter(([, v]) => !v)
      .map(([name]) => `'${name}'`);
    if (missing.length > 0) {
      throw new Error(
        `The CloudFront inputs go together, but ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} empty: set '${Input.CloudFrontUrl}', '${Input.CloudFrontKeyPairId}' and '${Input.CloudFrontPrivateKey}', or none of them.`,
      );
    }
    const privateKeyPem = parseCloudFrontPrivateKey(cloudFront.pem);
    maskPem(privateKeyPem, mask);
    return {
      kind: 'cloudfront',
      url: parseCloudFrontUrl(cloudFront.url),
      keyPairId: parseCloudFrontKeyPairId(cloudFront.keyPairId),
      privateKeyPem,
    };
  }
  return undefined;
}

function parseSigningKey(accessKeyId: string, secretAccessKey: string): SigningKeyConfig {
  if (!accessKeyId || !secretAccessKey) {
    const empty = accessKeyId ? Input.SigningSecretAccessKey : Input.SigningAccessKeyId;
    throw new Error(
      `Inputs '${Input.SigningAccessKeyId}' and '${Input.SigningSecretAccessKey}' go together, but '${empty}' is empty: set both (the access key of the IAM user that signs the links), or neither.`,
    );
  }
  if (/^ASIA[A-Z0-9]{16}$/.test(accessKeyId)) {
    throw new Error(
      `Input '${Input.SigningAccessKeyId}' is a temporary access key (ASIA…): it needs a session token, which would go into every link and end with its session. Use a long-term access key of an IAM user (AKIA…) that may only s3:GetObject the artifacts.`,
    );
  }
  if (!/^[\x21-\x7e]{3,128}$/.test(accessKeyId)) {
    throw new Error(
      `Input '${Input.SigningAccessKeyId}' is not an access key ID: use the AccessKeyId of the signing IAM user (e.g. AKIA…), nothing else.`,
    );
  }
  if (!/^[\x21-\x7e]{8,}$/.test(secretAccessKey)) {
    throw new Error(
      `Input '${Input.SigningSecretAccessKey}' is not a secret access key (too short, or it contains spaces or line breaks): store the SecretAccessKey exactly as AWS showed it.`,
    );
  }
  return { kind: 'signing-key', accessKeyId, secretAccessKey };
}

/** The whole PEM and each of its lines, since a log line may hold one line of it. */
function maskPem(pem: string, mask: (secret: string) => void): void {
  const text = pem.trim();
  if (!text) return;
  mask(text);
  for (const line of text.split(/\r?\n|\\n/)) {
    const l = line.trim();
    if (l.length >= 8 && !l.startsWith('-----')) mask(l);
  }
}
