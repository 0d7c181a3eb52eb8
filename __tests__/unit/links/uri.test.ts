import { describe, expect, it } from '@jest/globals';
import { assertPresignableKey, encodeKeyPath, uriEncode } from '../../../src/links/uri.js';

describe('uriEncode (RFC 3986)', () => {
  it('keeps only the unreserved characters', () => {
    expect(uriEncode('AZaz09-._~')).toBe('AZaz09-._~');
  });

  it("encodes the characters encodeURIComponent leaves alone: ! ' ( ) *", () => {
    expect(uriEncode("!'()*")).toBe('%21%27%28%29%2A');
  });

  it('encodes every UTF-8 byte of everything else, upper-case hex', () => {
    expect(uriEncode('a b/c+d%é😀')).toBe('a%20b%2Fc%2Bd%25%C3%A9%F0%9F%98%80');
  });

  it('throws on a lone surrogate', () => {
    expect(() => uriEncode('x\ud800')).toThrow(URIError);
  });

  it('matches the SigV4 rule for every ASCII character', () => {
    for (let c = 0; c < 128; c++) {
      const ch = String.fromCharCode(c);
      const expected = /[A-Za-z0-9\-._~]/.test(ch) ? ch : `%${c.toString(16).toUpperCase().padStart(2, '0')}`;
      expect(uriEncode(ch)).toBe(expected);
    }
  });
});

describe('object keys as link paths', () => {
  it('encodeKeyPath keeps slashes and encodes everything outside A-Za-z0-9-._~', () => {
    expect(encodeKeyPath("a b/c+d/é/!'()*~._-/%2F")).toBe('a%20b/c%2Bd/%C3%A9/%21%27%28%29%2A~._-/%252F');
    expect(encodeKeyPath('/x//y/')).toBe('/x//y/');
  });

  it('encodeKeyPath names a key that is not well-formed Unicode', () => {
    expect(() => encodeKeyPath('broken-\ud800')).toThrow(/Cannot presign "broken-\\ud800": it is not well-formed Unicode/);
  });

  it.each(['', '.', '..', 'a/./b', 'a/../b', '../up', 'dir/.'])('assertPresignableKey refuses %p', (key) => {
    expect(() => assertPresignableKey(key)).toThrow(TypeError);
  });

  it('assertPresignableKey accepts dots that are not whole segments', () => {
    expect(() => assertPresignableKey('.hidden/...x/a.')).not.toThrow();
  });
});
