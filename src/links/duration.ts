/** Parsing of human durations such as `90s`, `30m`, `12h`, `7d` or plain seconds. */

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/**
 * Parses `value` into whole seconds (> 0). Throws an Error naming `inputName` and the accepted forms.
 * Accepted: an integer followed by an optional unit s, m, h or d (`90s`, `30m`, `12h`, `7d`, `3600`).
 */
export function parseDuration(value: string, inputName: string): number {
  const match = /^(\d+)\s*([smhd]?)$/i.exec(value.trim());
  const seconds = match ? Number(match[1]) * UNIT_SECONDS[(match[2] || 's').toLowerCase()] : NaN;
  if (!Number.isSafeInteger(seconds) || seconds <= 0) {
    throw new Error(
      `Input '${inputName}' is '${value}', which is not a duration. ` +
        `Use a positive whole number with an optional unit: 90s, 30m, 12h, 7d, or plain seconds such as 3600.`,
    );
  }
  return seconds;
}

/** Formats seconds compactly for log lines: 604800 → "7d", 5400 → "1h 30m", 42 → "42s". */
export function formatDuration(totalSeconds: number): string {
  const parts: string[] = [];
  let rest = Math.max(0, Math.round(totalSeconds));
  for (const [unit, size] of [
    ['d', 86400],
    ['h', 3600],
    ['m', 60],
  ] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
  }
  if (rest > 0 || parts.length === 0) parts.push(`${rest}s`);
  return parts.join(' ');
}
