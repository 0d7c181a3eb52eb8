/**
 * Unicode bidirectional controls (U+202E RIGHT-TO-LEFT OVERRIDE and kin) replaced by U+FFFD, so an
 * untrusted name cannot display reversed (`gnp.exe` shown as `exe.png`): for the comment and the job
 * summary. The browser's pages use sites/runtime.ts `neutralizeBidi` (serialized code cannot import;
 * a unit test keeps the two equal).
 */
export function neutralizeBidi(text: string): string {
  return text.replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '\ufffd');
}
