import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { getInputs } from '../../../src/config/inputs.js';
import { parseLinkSigner } from '../../../src/config/link-signer.js';

const KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const PEM = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'sec1', format: 'pem' }).toString();
const CF = {
  'cloudfront-url': 'https://d111111abcdef8.cloudfront.net/',
  'cloudfront-key-pair-id': 'K2JCJMDEHXQW5F',
  'cloudfront-private-key': PEM,
};

function parse(values: Record<string, string>) {
  const masked: string[] = [];
  let error: string | undefined;
  let result: ReturnType<typeof parseLinkSigner>;
  try {
    result = parseLinkSigner(
      (name) => values[name] ?? '',
      (s) => masked.push(s),
    );
  } catch (e) {
    error = (e as Error).message;
  }
  return { result, masked, error };
}

describe('parseLinkSigner', () => {
  it('is undefined without any of the inputs', () => {
    expect(parse({})).toEqual({ result: undefined, masked: [], error: undefined });
  });

  it('reads a signing key and masks both values', () => {
    const { result, masked } = parse({ 'signing-access-key-id': ` ${KEY_ID} `, 'signing-secret-access-key': SECRET });
    expect(result).toEqual({ kind: 'signing-key', accessKeyId: KEY_ID, secretAccessKey: SECRET });
    expect(masked).toEqual([KEY_ID, SECRET]);
  });

  it('reads CloudFront, masking the private key whole and line by line, as given and as converted', () => {
    const { result, masked } = parse(CF);
    expect(result).toMatchObject({ kind: 'cloudfront', url: 'https://d111111abcdef8.cloudfront.net', keyPairId: 'K2JCJMDEHXQW5F' });
    if (result?.kind !== 'cloudfront') throw new Error('expected CloudFront');
    expect(result.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    for (const line of [...PEM.trim().split('\n'), ...result.privateKeyPem.trim().split('\n')].filter((l) => !l.startsWith('-----'))) {
      expect(masked).toContain(line);
    }
    expect(masked).toContain(PEM.trim());
  });

  it.each([
    ['key id alone', { 'signing-access-key-id': KEY_ID }, "but 'signing-secret-access-key' is empty"],
    ['secret alone', { 'signing-secret-access-key': SECRET }, "but 'signing-access-key-id' is empty"],
    [
      'a temporary key',
      { 'signing-access-key-id': 'ASIAIOSFODNN7EXAMPLE', 'signing-secret-access-key': SECRET },
      'is a temporary access key (ASIA…)',
    ],
    [
      'a key id with a space',
      { 'signing-access-key-id': 'AKIA EXAMPLE', 'signing-secret-access-key': SECRET },
      "Input 'signing-access-key-id' is not an access key ID",
    ],
    [
      'a secret with spaces',
      { 'signing-access-key-id': KEY_ID, 'signing-secret-access-key': 'two words here' },
      "Input 'signing-secret-access-key' is not a secret access key",
    ],
    [
      'the CloudFront URL alone',
      { 'cloudfront-url': CF['cloudfront-url'] },
      "but 'cloudfront-key-pair-id' and 'cloudfront-private-key' are empty",
    ],
    ['no key pair id', { 'cloudfront-private-key': PEM, 'cloudfront-url': CF['cloudfront-url'] }, "but 'cloudfront-key-pair-id' is empty"],
    ['plain http', { ...CF, 'cloudfront-url': 'http://d111111abcdef8.cloudfront.net' }, "Input 'cloudfront-url' must use https"],
    ['a lower-case key pair id', { ...CF, 'cloudfront-key-pair-id': 'k2jc' }, "Input 'cloudfront-key-pair-id'"],
    ['a private key that is not PEM', { ...CF, 'cloudfront-private-key': 'not a key' }, "Input 'cloudfront-private-key' is not a PEM key"],
    [
      'a signing key and CloudFront',
      { ...CF, 'signing-access-key-id': KEY_ID, 'signing-secret-access-key': SECRET },
      'not both: links are signed one way',
    ],
  ])('%s fails naming the input', (_label, values, message) => {
    const { error, masked } = parse(values);
    expect(error).toContain(message);
    // Masked before the error, and never quoted by it.
    for (const secret of [SECRET, 'two words here', ...PEM.split('\n').filter((l) => l.length > 20)]) {
      expect(error).not.toContain(secret);
    }
    for (const name of ['signing-secret-access-key', 'cloudfront-private-key'] as const) {
      const value = (values as Record<string, string>)[name];
      if (value) expect(masked).toContain(value.trim());
    }
  });
});

describe('getInputs with a link signer', () => {
  const read = (values: Record<string, string>) => (name: string) => ({ path: 'dist/**', bucket: 'my-artifacts', ...values })[name] ?? '';

  it('passes the signer on, masking its secrets', () => {
    const masked: string[] = [];
    const inputs = getInputs(read(CF), {}, (s) => masked.push(s));
    expect(inputs.linkSigner).toMatchObject({ kind: 'cloudfront', keyPairId: 'K2JCJMDEHXQW5F' });
    expect(masked.length).toBeGreaterThan(2);
    const noSigner = getInputs(read({}), {}, () => undefined);
    expect(noSigner.linkSigner).toBeUndefined();
  });

  it('masks the secret even when another input is invalid', () => {
    const masked: string[] = [];
    expect(() =>
      getInputs(read({ bucket: 's3://nope', 'signing-access-key-id': KEY_ID, 'signing-secret-access-key': SECRET }), {}, (s) =>
        masked.push(s),
      ),
    ).toThrow(/Input 'bucket'/);
    expect(masked).toEqual([KEY_ID, SECRET]);
  });
});
