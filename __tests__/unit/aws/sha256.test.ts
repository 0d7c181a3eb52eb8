import { createHash, createHmac } from 'node:crypto';
import { Sha256 } from '../../../src/aws/sha256.js';

const hex = async (h: Sha256) => Buffer.from(await h.digest()).toString('hex');

test('hashes as node:crypto SHA-256 does, and starts over on reset', async () => {
  const h = new Sha256();
  h.update('abc');
  h.update(new Uint8Array([1, 2, 3]));
  expect(await hex(h)).toBe(
    createHash('sha256')
      .update('abc')
      .update(Buffer.from([1, 2, 3]))
      .digest('hex'),
  );
  h.reset();
  h.update('é', 'latin1');
  expect(await hex(h)).toBe(createHash('sha256').update(Buffer.from('é', 'latin1')).digest('hex'));
});

test('an HMAC with a string, a Buffer or a view of a larger buffer as secret is the HMAC of those bytes', async () => {
  const backing = Buffer.from('xxsecret-bytesyy');
  const secrets = ['AWS4wJalrXUtnFEMI/K7MDENG', Buffer.from('raw key'), new Uint8Array(backing.buffer, backing.byteOffset + 2, 12)];
  for (const secret of secrets) {
    for (let round = 0; round < 2; round++) {
      const h = new Sha256(secret);
      h.update('string to sign');
      expect(await hex(h)).toBe(
        createHmac('sha256', Buffer.from(secret as Uint8Array | string))
          .update('string to sign')
          .digest('hex'),
      );
    }
  }
});

test('secrets with equal bytes share a key, different ones never do, past the kept number of keys too', async () => {
  for (let i = 0; i < 100; i++) {
    const secret = `secret-${i % 40}`;
    const h = new Sha256(Buffer.from(secret));
    h.update('x');
    expect(await hex(h)).toBe(createHmac('sha256', secret).update('x').digest('hex'));
  }
});
