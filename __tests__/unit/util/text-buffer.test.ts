import { describe, expect, it } from '@jest/globals';
import { lazyText, textOf } from '../../../src/util/text-buffer.js';

describe('lazyText', () => {
  const parts = ['<p>', 'é', '😀 ', 'x'.repeat(70), '', '\n', 'end'];
  const text = parts.join('');

  it('has the UTF-8 length and bytes of the joined text, whatever the chunk size (multi-byte characters included)', () => {
    for (const chunkChars of [1, 2, 3, 10, 64 * 1024]) {
      const lazy = lazyText(() => parts, chunkChars);
      expect(lazy.byteLength).toBe(Buffer.byteLength(text));
      expect(Buffer.concat([...lazy.chunks()]).equals(Buffer.from(text, 'utf8'))).toBe(true);
    }
  });

  it('renders afresh on each read, in chunks of about the given size, and gives nothing for no text', () => {
    let renders = 0;
    function* lines() {
      renders++;
      for (let i = 0; i < 1000; i++) yield `<tr><td>${i}</td></tr>\n`;
    }
    const lazy = lazyText(lines, 100);
    const first = [...lazy.chunks()];
    expect(Math.max(...first.map((c) => c.length))).toBeLessThan(130);
    expect(Buffer.concat(first).toString()).toBe(textOf(lazy));
    expect(renders).toBe(3); // measured once, read twice
    expect(textOf(lazyText(() => []))).toBe('');
    expect(lazyText(() => []).byteLength).toBe(0);
    expect(textOf('plain')).toBe('plain');
  });
});
