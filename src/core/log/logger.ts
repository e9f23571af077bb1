/** The logging interface every core module accepts. Never pass secrets in `fields`. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** Console logger: the default when no file logger is configured. */
export const consoleLogger: Logger = {
  info: (m, f) => console.log(`[info] ${m}`, f ?? ''),
  warn: (m, f) => console.warn(`[warn] ${m}`, f ?? ''),
  error: (m, f) => console.error(`[error] ${m}`, f ?? ''),
};

/** For tests and quiet CLIs. */
export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
