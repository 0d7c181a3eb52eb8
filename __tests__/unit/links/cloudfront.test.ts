import { createPublicKey, generateKeyPairSync, sign as cryptoSign, type KeyObject } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import {
  createCloudFrontSigner,
  parseCloudFrontKeyPairId,
  parseCloudFrontPrivateKey,
  parseCloudFrontUrl,
  type CloudFrontHashAlgorithm,
} from '../../../src/links/cloudfront.js';
import { createPresigner } from '../../../src/aws/presign.js';
import { cannedPolicy, decodeCloudFrontBase64, verifyCloudFrontUrl } from '../../support/cloudfront-verify.js';

const KEYS = [
  'simple.txt',
  'dir with spaces/file with spaces.txt',
  'unicode/été/naïve-日本語.txt',
  'emoji/😀🚀 party.png',
  "chars/+&=%#?'.bin",
  'more/!()*~@$,;:[]{}|^`"<>\\.bin',
  'pct%2Fnot-a-slash%20.txt',
  'Expires=1&Signature=x&Key-Pair-Id=K/evil.txt',
  'a//b.txt',
];

const BASE = 'https://d111111abcdef8.cloudfront.net';
const SIGNED_AT = new Date('2025-03-04T05:06:07.891Z');
const SIGNED_AT_S = Math.floor(SIGNED_AT.getTime() / 1000);
const DAY = 86_400;

interface Pair {
  name: string;
  pem: string;
  publicKey: KeyObject;
}

let rsa: Pair;
let ec: Pair;
let other: Pair;

function pair(name: string, type: 'rsa' | 'ec', format: 'pkcs1' | 'sec1' | 'pkcs8'): Pair {
  const keys =
    type === 'rsa' ? generateKeyPairSync('rsa', { modulusLength: 2048 }) : generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return { name, pem: keys.privateKey.export({ type: format, format: 'pem' }).toString(), publicKey: keys.publicKey };
}

beforeAll(() => {
  rsa = pair('RSA 2048', 'rsa', 'pkcs1');
  ec = pair('ECDSA P-256', 'ec', 'sec1');
  other = pair('another RSA key', 'rsa', 'pkcs8');
});

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected a throw');
}

describe('parseCloudFrontUrl', () => {
  it.each([
    ['https://d111111abcdef8.cloudfront.net', 'https://d111111abcdef8.cloudfront.net'],
    ['  https://d111111abcdef8.cloudfront.net/  ', 'https://d111111abcdef8.cloudfront.net'],
    ['https://Files.Example.COM:443/', 'https://files.example.com'],
    ['https://files.example.com:8443', 'https://files.example.com:8443'],
    ['https://files.example.com/ci artifacts/', 'https://files.example.com/ci%20artifacts'],
    ['http://127.0.0.1:4567', 'http://127.0.0.1:4567'],
    ['http://localhost:4567/', 'http://localhost:4567'],
  ])('accepts %j as %j', (input, expected) => {
    expect(parseCloudFrontUrl(input)).toBe(expected);
  });

  it.each([
    ['', 'not an absolute URL'],
    ['d111111abcdef8.cloudfront.net', 'not an absolute URL'],
    ['http://d111111abcdef8.cloudfront.net', 'must use https'],
    ['ftp://d111111abcdef8.cloudfront.net', 'must use https'],
    ['https://user:pw@d111111abcdef8.cloudfront.net', 'user name or password'],
    ['https://d111111abcdef8.cloudfront.net/?a=1', 'query or fragment'],
    ['https://d111111abcdef8.cloudfront.net?', 'query or fragment'],
    ['https://d111111abcdef8.cloudfront.net/#top', 'query or fragment'],
    ['https://d111111abcdef8.cloudfront.net/a/../b', '"." or ".."'],
    ['https://d111111abcdef8.cloudfront.net/a/%2e%2E/b', '"." or ".."'],
    ['https://d111111abcdef8.cloudfront.net//b', 'empty segments'],
    ['https://my-bucket.s3.eu-west-1.amazonaws.com', 'AWS service endpoint'],
    ['https://s3.amazonaws.com/my-bucket', 'AWS service endpoint'],
  ])('rejects %j, naming the input (%s)', (input, problem) => {
    const message = errorOf(() => parseCloudFrontUrl(input));
    expect(message).toContain("Input 'cloudfront-url'");
    expect(message).toContain(problem);
  });
});

describe('parseCloudFrontKeyPairId', () => {
  it.each(['K2JCJMDEHXQW5F', ' APKAEIBAERJR2EXAMPLE '])('accepts %j', (id) => {
    expect(parseCloudFrontKeyPairId(id)).toBe(id.trim());
  });

  it.each([
    ['', ''],
    ['k2jcjmdehxqw5f', ''],
    ['K2JCJ MDEHXQW5F', ''],
    ['K2JC&x=1', ''],
    ['6b1ac7b0-8e4d-4e1a-9c2f-0123456789ab', 'key group ID'],
  ])('rejects %j, naming the input', (id, hint) => {
    const message = errorOf(() => parseCloudFrontKeyPairId(id));
    expect(message).toContain("Input 'cloudfront-key-pair-id'");
    expect(message).toContain(hint);
  });
});

describe('parseCloudFrontPrivateKey', () => {
  it('accepts RSA 2048 and ECDSA P-256 keys in PKCS#1, SEC1 and PKCS#8, returning PKCS#8', () => {
    for (const p of [rsa, ec, other]) {
      const pem = parseCloudFrontPrivateKey(p.pem);
      expect(pem).toMatch(/^-----BEGIN PRIVATE KEY-----\n[\s\S]+\n-----END PRIVATE KEY-----\n$/);
      expect(createPublicKey(pem).export({ type: 'spki', format: 'der' })).toEqual(p.publicKey.export({ type: 'spki', format: 'der' }));
    }
  });

  it('tolerates a secret with blank space around it, CRLF line ends, or \\n written as two characters', () => {
    const expected = parseCloudFrontPrivateKey(rsa.pem);
    expect(parseCloudFrontPrivateKey(`\n\n  ${rsa.pem}  \n`)).toBe(expected);
    expect(parseCloudFrontPrivateKey(rsa.pem.replace(/\n/g, '\r\n'))).toBe(expected);
    expect(parseCloudFrontPrivateKey(rsa.pem.trim().replace(/\n/g, '\\n'))).toBe(expected);
  });

  it.each([
    ['an empty value', () => '', 'is empty'],
    ['random text', () => 'hunter2', 'is not a PEM key'],
    ['a public key', () => rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString(), 'holds a public key'],
    ['an RSA public key', () => rsa.publicKey.export({ type: 'pkcs1', format: 'pem' }).toString(), 'holds a rsa public key'],
    [
      'an encrypted PKCS#8 key',
      () =>
        generateKeyPairSync('rsa', { modulusLength: 2048 })
          .privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' })
          .toString(),
      'encrypted with a passphrase',
    ],
    [
      'an encrypted PKCS#1 key',
      () =>
        generateKeyPairSync('rsa', { modulusLength: 2048 })
          .privateKey.export({ type: 'pkcs1', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' })
          .toString(),
      'encrypted with a passphrase',
    ],
    [
      'an OpenSSH key',
      () => '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmU=\n-----END OPENSSH PRIVATE KEY-----',
      'OpenSSH format',
    ],
    ['a truncated key', () => rsa.pem.slice(0, 400) + '\n-----END RSA PRIVATE KEY-----', 'could not be read as a private key'],
    [
      'an RSA 1024 key',
      () => generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      '1024-bit RSA key',
    ],
    [
      'an RSA 4096 key',
      () => generateKeyPairSync('rsa', { modulusLength: 4096 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      '4096-bit RSA key',
    ],
    [
      'an ECDSA P-384 key',
      () => generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      'curve secp384r1',
    ],
    ['an Ed25519 key', () => generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), 'ed25519 key'],
  ])('rejects %s, naming the input and never quoting the key', (_name, make, problem) => {
    const value = make();
    const message = errorOf(() => parseCloudFrontPrivateKey(value));
    expect(message).toContain("Input 'cloudfront-private-key'");
    expect(message).toContain(problem);
    for (const line of value.split('\n').filter((l) => l.length >= 16 && !l.startsWith('-----'))) expect(message).not.toContain(line);
  });
});

describe('createCloudFrontSigner', () => {
  const cases: [string, () => Pair, CloudFrontHashAlgorithm][] = [
    ['RSA 2048, SHA-1', () => rsa, 'SHA1'],
    ['ECDSA P-256, SHA-1', () => ec, 'SHA1'],
    ['RSA 2048, SHA-256', () => rsa, 'SHA256'],
    ['ECDSA P-256, SHA-256', () => ec, 'SHA256'],
  ];

  describe.each(cases)('%s', (_name, keyOf, hashAlgorithm) => {
    it.each(KEYS)('signs %j so that an independent verifier accepts it', (key) => {
      const p = keyOf();
      const sign = createCloudFrontSigner(
        { baseUrl: BASE, keyPairId: 'K2JCJMDEHXQW5F', privateKeyPem: parseCloudFrontPrivateKey(p.pem) },
        { now: () => SIGNED_AT, hashAlgorithm },
      );
      const link = sign(key, 30 * DAY);
      const keys = new Map([['K2JCJMDEHXQW5F', p.publicKey]]);

      // The browser sends the link unchanged, and its path names the key.
      expect(new URL(link).href).toBe(link);
      const url = new URL(link);
      expect(url.origin).toBe(BASE);
      expect(url.pathname).toMatch(/^\/[A-Za-z0-9\-._~%/]+$/);
      expect(url.pathname.slice(1).split('/').map(decodeURIComponent).join('/')).toBe(key);
      expect([...url.searchParams.keys()]).toEqual([
        'Expires',
        'Signature',
        'Key-Pair-Id',
        ...(hashAlgorithm === 'SHA256' ? ['Hash-Algorithm'] : []),
      ]);
      expect(url.searchParams.get('Expires')).toBe(String(SIGNED_AT_S + 30 * DAY));

      const verdict = verifyCloudFrontUrl(link, keys, new Date((SIGNED_AT_S + 30 * DAY - 1) * 1000));
      expect(verdict).toEqual({
        ok: true,
        resource: `${BASE}${url.pathname}`,
        expires: SIGNED_AT_S + 30 * DAY,
        keyPairId: 'K2JCJMDEHXQW5F',
      });
    });
  });

  function signer(p: Pair, options: { hashAlgorithm?: CloudFrontHashAlgorithm; baseUrl?: string } = {}) {
    return createCloudFrontSigner(
      { baseUrl: options.baseUrl ?? BASE, keyPairId: 'K2JCJMDEHXQW5F', privateKeyPem: parseCloudFrontPrivateKey(p.pem) },
      { now: () => SIGNED_AT, hashAlgorithm: options.hashAlgorithm },
    );
  }

  it('signs exactly the canned policy AWS documents, in CloudFront base64', () => {
    const link = signer(rsa)('dir with spaces/a.txt', 90 * DAY);
    const expires = SIGNED_AT_S + 90 * DAY;
    const signature = new URL(link).searchParams.get('Signature')!;
    expect(signature).toMatch(/^[A-Za-z0-9~-]+_*$/);
    const bytes = decodeCloudFrontBase64(signature)!;
    expect(bytes).toHaveLength(256);
    const policy = cannedPolicy(`${BASE}/dir%20with%20spaces/a.txt`, expires);
    expect(policy).toBe(
      `{"Statement":[{"Resource":"${BASE}/dir%20with%20spaces/a.txt","Condition":{"DateLessThan":{"AWS:EpochTime":${expires}}}}]}`,
    );
    // RSA PKCS#1 v1.5 is deterministic: signing the documented policy with node:crypto gives the same bytes.
    expect(bytes.equals(cryptoSign('sha1', Buffer.from(policy), rsa.pem))).toBe(true);
    expect(link).toBe(`${BASE}/dir%20with%20spaces/a.txt?Expires=${expires}&Signature=${signature}&Key-Pair-Id=K2JCJMDEHXQW5F`);
  });

  it('lives as long as asked, past the 7 days of SigV4, and not a second longer', () => {
    const keys = new Map([['K2JCJMDEHXQW5F', rsa.publicKey]]);
    for (const seconds of [1, 7 * DAY + 1, 30 * DAY, 90 * DAY, 400 * DAY]) {
      const link = signer(rsa)('a.txt', seconds);
      const expires = SIGNED_AT_S + seconds;
      expect(verifyCloudFrontUrl(link, keys, new Date(expires * 1000 - 1)).ok).toBe(true);
      expect(verifyCloudFrontUrl(link, keys, new Date(expires * 1000))).toMatchObject({ ok: false, code: 'Expired' });
    }
  });

  it('produces links the verifier rejects once anything in them changes', () => {
    const keys = new Map([['K2JCJMDEHXQW5F', rsa.publicKey]]);
    const at = new Date(SIGNED_AT.getTime() + 1000);
    const link = signer(rsa)("chars/+&=%#?'.bin", 30 * DAY);
    const expires = SIGNED_AT_S + 30 * DAY;
    expect(verifyCloudFrontUrl(link, keys, at).ok).toBe(true);
    expect(verifyCloudFrontUrl(link.replace('chars/', 'chars2/'), keys, at)).toMatchObject({ code: 'InvalidSignature' });
    expect(verifyCloudFrontUrl(link.replace('%27', "'"), keys, at)).toMatchObject({ code: 'InvalidSignature' });
    expect(verifyCloudFrontUrl(link.replace(`Expires=${expires}`, `Expires=${expires + 1}`), keys, at)).toMatchObject({
      code: 'InvalidSignature',
    });
    expect(verifyCloudFrontUrl(link.replace('Key-Pair-Id=K2JCJMDEHXQW5F', 'Key-Pair-Id=KOTHER'), keys, at)).toMatchObject({
      code: 'InvalidKey',
    });
    expect(verifyCloudFrontUrl(link, new Map([['K2JCJMDEHXQW5F', other.publicKey]]), at)).toMatchObject({ code: 'InvalidSignature' });
    expect(verifyCloudFrontUrl(`${link}&Hash-Algorithm=SHA256`, keys, at)).toMatchObject({ code: 'InvalidSignature' });
  });

  it('puts keys in the path exactly as the bucket presigner does', async () => {
    const presign = createPresigner(
      { endpoint: new URL('https://s3.us-east-1.amazonaws.com'), bucket: 'my-bucket', region: 'us-east-1', forcePathStyle: false },
      { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'secret' },
      { now: () => SIGNED_AT },
    );
    const sign = signer(ec);
    for (const key of KEYS) {
      expect(new URL(sign(key, DAY)).pathname).toBe(new URL(await presign(key, DAY)).pathname);
    }
  });

  it('keeps a path prefix of the distribution URL in the signed resource', () => {
    const base = parseCloudFrontUrl('https://files.example.com/ci/');
    const link = signer(ec, { baseUrl: base })('a b.txt', DAY);
    expect(link.startsWith('https://files.example.com/ci/a%20b.txt?Expires=')).toBe(true);
    expect(verifyCloudFrontUrl(link, new Map([['K2JCJMDEHXQW5F', ec.publicKey]]), SIGNED_AT)).toMatchObject({
      ok: true,
      resource: 'https://files.example.com/ci/a%20b.txt',
    });
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses a lifetime of %p seconds', (seconds) => {
    expect(() => signer(ec)('a.txt', seconds)).toThrow(RangeError);
  });

  it.each(['', 'a/./b', 'a/../b', '..'])('refuses the key %j, which a browser would not request as signed', (key) => {
    expect(() => signer(ec)(key, DAY)).toThrow(/Cannot presign/);
  });
});
