import { describe, expect, it } from '@jest/globals';
import { createLogger, plural, safeLine, type LogSink } from '../../../src/util/log.js';

/** What the runner would read as a command on a line of the log (after leading blanks). */
const COMMAND = /^\s*(::|##\[)/;

describe('safeLine: user text cannot start a workflow command', () => {
  it.each([
    'dist/evil\n::error::injected.txt',
    'a\r::add-mask::x',
    'b\r\n::stop-commands::tok',
    '::warning::at the start',
    '  ::set-output name=x::y',
    '##[error]legacy',
    '\t##[add-mask]legacy',
    'line\u2028::error::sep',
    'esc\u001b[31m red \u0085 nel',
  ])('%j', (text) => {
    const line = safeLine(`Retrying ${text}`);
    expect(line.split(/\r\n|\r|\n/)).toHaveLength(1);
    // eslint-disable-next-line no-control-regex
    expect(line).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/);
    const alone = safeLine(text);
    expect(alone.split(/\r\n|\r|\n/)).toHaveLength(1);
    expect(alone).not.toMatch(COMMAND);
  });

  it('shows what it escaped, and leaves ordinary text alone', () => {
    expect(safeLine('a\nb\rc\u0007d')).toBe('a\\nb\\rc\\u0007d');
    expect(safeLine('::x')).toBe('> ::x');
    expect(safeLine('Uploading 3 files (12 bytes) to b/p/ with :: inside and tabs\tkept')).toBe(
      'Uploading 3 files (12 bytes) to b/p/ with :: inside and tabs\tkept',
    );
  });
});

describe('createLogger', () => {
  it('passes info through safeLine, and warnings and notices to the sink (core escapes command data)', () => {
    const seen: string[] = [];
    const sink: LogSink = {
      info: (m) => seen.push(`info ${m}`),
      warning: (m) => seen.push(`warning ${m}`),
      notice: (m) => seen.push(`notice ${m}`),
    };
    const log = createLogger(sink);
    log.info('x\n::error::y');
    log.warning('w\nz');
    log.notice?.('n');
    expect(seen).toEqual(['info x\\n::error::y', 'warning w\nz', 'notice n']);
  });
});

describe('plural', () => {
  it.each([
    [0, 'file', '0 files'],
    [1, 'file', '1 file'],
    [2, 'section', '2 sections'],
  ])('%d %s', (n, word, text) => {
    expect(plural(n, word)).toBe(text);
  });
});
