/** The one logger type: `@actions/core` satisfies it, tests pass a recorder. */
export interface Logger {
  info(message: string): void;
  warning(message: string): void;
  /** A notice annotation; loggers without one log the line as info. */
  notice?(message: string): void;
}

export function notice(log: Logger, message: string): void {
  if (log.notice) log.notice(message);
  else log.info(message);
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
