/** Untrusted text and URLs made inert in GitHub Markdown. Pure. */
import { neutralizeBidi } from '../util/bidi.js';

const WJ = '\u2060'; // word joiner: invisible, stops @mentions, #refs and autolinks

/** Replace lone surrogates so encoders never throw and output is valid UTF-16. */
export function wellFormed(s: string): string {
  return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

function controlPicture(c: string): string {
  const code = c.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code); // \n → ␊, \t → ␉
  if (code === 0x7f) return '\u2421'; // ␡
  return '\uFFFD';
}

const HTML_ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Untrusted text (file names come from PR branches) → inert GitHub Markdown, safe in a table cell,
 * heading or quote: no cell breaks, links, images, HTML, comments, mentions, issue references,
 * autolinks or line breaks. Control characters become visible symbols (␊ ␉ …).
 */
export function escapeMarkdown(text: string): string {
  return (
    neutralizeBidi(wellFormed(String(text)))
      // eslint-disable-next-line no-control-regex -- control characters in untrusted names become visible symbols
      .replace(/[\u0000-\u001f\u007f-\u009f]/g, controlPicture)
      .replace(/[\u2028\u2029]/g, '\uFFFD') // line and paragraph separators
      .replace(/[&<>]/g, (c) => HTML_ENTITY[c] ?? c)
      .replace(/[\\`*_~[\]()!|$]/g, '\\$&')
      .replace(/[@#]/g, `$&${WJ}`) // @octocat, #12, owner/repo#12
      .replace(/:(?=\/)/g, `:${WJ}`) // http://…
      .replace(/(www)\./gi, `$1${WJ}.`) // www.example.com
      .replace(/\b(gh)-(?=\d)/gi, `$1-${WJ}`)
  ); // GH-12
}

/**
 * An http(s) URL made safe as a Markdown link destination: everything outside a conservative
 * ASCII set (spaces, parentheses, brackets, quotes, `|`, `;`, `\`, non-ASCII…) is percent-encoded.
 * S3 decodes before checking SigV4, so this does not break presigned signatures.
 * Returns undefined for anything that is not http(s).
 */
export function escapeUrl(url: string): string | undefined {
  const u = wellFormed(String(url)).trim();
  if (!/^https?:\/\/[^/]/i.test(u)) return undefined;
  return u.replace(/[^A-Za-z0-9\-._~:/?#@!$&*+,=%]/gu, (c) =>
    c.length === 1 && c.charCodeAt(0) < 0x80 ? `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}` : encodeURIComponent(c),
  );
}

/** `[text](url)` with the URL made safe, or undefined when it is not http(s). `text` must be escaped already. */
export function link(text: string, url: string): string | undefined {
  const safe = escapeUrl(url);
  return safe === undefined ? undefined : `[${text}](${safe})`;
}
