/**
 * The one logger type, safe by construction: every line the action logs may carry text a pull request
 * controls (file and section names, S3 and GitHub error messages), and none of it can start a
 * workflow command (`::error::`, `::add-mask::`, `::stop-commands::`, the legacy `##[…]` form).
 */
import * as core from '@actions/core';

export interface Logger {
  info(message: string): void;
  warning(message: string): void;
  /** A notice annotation; loggers without one log the line as info. */
  notice?(message: string): void;
}

/** What the action writes to: `@actions/core` by default, tests pass their own. */
export interface LogSink {
  info(message: string): void;
  warning(message: string): void;
  notice(message: string): void;
}

/**
 * Line breaks the runner (or a log viewer) may split on, and every other control character: shown
 * escaped (`\n`, `\u001b`), so a message is always one line of the log.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/g;
/** A line the runner would read as a command: `::name…::` or the legacy `##[name …]`, after leading blanks. */
const COMMAND_START = /^\s*(::|##\[)/;

/**
 * `message` as one log line that cannot start a workflow command: control characters (line breaks
 * included) escaped, and a line that would begin with `::` or `##[` prefixed with `> `. Pure.
 */
export function safeLine(message: string): string {
  const line = String(message).replace(CONTROL, (c) =>
    c === '\n' ? '\\n' : c === '\r' ? '\\r' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return COMMAND_START.test(line) ? `> ${line}` : line;
}

/**
 * The action's logger. Info lines go through `safeLine`; warnings and notices are workflow commands
 * whose data `@actions/core` escapes (`%`, CR, LF), so they stay one command each whatever the text.
 */
export function createLogger(sink: LogSink = core): Logger {
  return {
    info: (message) => sink.info(safeLine(message)),
    warning: (message) => sink.warning(String(message)),
    notice: (message) => sink.notice(String(message)),
  };
}

/** The process's logger, for entry points; everything below receives a Logger. */
export const actionLog: Logger = createLogger();

export function notice(log: Logger, message: string): void {
  if (log.notice) log.notice(message);
  else log.info(message);
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** "1 file", "2 files"; `many` for irregular plurals. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
