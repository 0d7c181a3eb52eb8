/** Numbers, sizes and times as people read them in the comment and the job summary. Pure. */

/** 1536 → "1.5 KiB"; bytes below 1 KiB are exact; one decimal above. */
export function humanBytes(n: number): string {
  if (!Number.isFinite(n) || n < 0) return '?';
  if (n < 1024) return `${Math.round(n)} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let v = n / 1024;
  let i = 0;
  while (i < units.length - 1 && Math.round(v * 10) / 10 >= 1024) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(1)} ${units[i]}`;
}

/**
 * Time until `to`, seen at `from`: "in 6 days 23 hours", "in 23 hours", "in 45 minutes", "expired".
 * Rounded down, never up: a reader must not expect more time than there is (a 7-day link read a
 * second after signing has 6 days and 23 hours left, and says so).
 */
export function relativeTime(from: Date, to: Date): string {
  const ms = to.getTime() - from.getTime();
  if (Number.isNaN(ms)) return 'unknown';
  if (ms <= 0) return 'expired';
  const unit = (n: number, name: string) => `${n} ${name}${n === 1 ? '' : 's'}`;
  if (ms < 60_000) return 'in less than a minute';
  const hours = Math.floor(ms / 3_600_000);
  if (hours < 1) return `in ${unit(Math.floor(ms / 60_000), 'minute')}`;
  if (hours < 48) return `in ${unit(hours, 'hour')}`;
  const days = Math.floor(hours / 24);
  return `in ${unit(days, 'day')}${hours % 24 > 0 ? ` ${unit(hours % 24, 'hour')}` : ''}`;
}

/** "2026-11-29 14:00 UTC", or "unknown time". */
export function formatUtc(time: Date | string): string {
  const date = typeof time === 'string' ? new Date(time) : time;
  if (Number.isNaN(date.getTime())) return 'unknown time';
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** 3000 → "3,000". */
export function count(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "3 files, 1.5 KiB". */
export function filesAndBytes(files: number, bytes: number): string {
  return `${count(files)} file${files === 1 ? '' : 's'}, ${humanBytes(bytes)}`;
}

/** "a/very/long/…/name.zip" when longer than max code points. */
export function shortenMiddle(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const head = Math.ceil((max - 1) * 0.4);
  return `${chars.slice(0, head).join('')}…${chars.slice(chars.length - (max - 1 - head)).join('')}`;
}

/** The first `n` hex digits of `value`, lower-cased; anything else is dropped. */
export function hexPrefix(value: string, n: number): string {
  return String(value)
    .toLowerCase()
    .replace(/[^0-9a-f]/g, '')
    .slice(0, n);
}
