/**
 * pino on stderr (stdout is kept for the Swedish run summary). JSON lines when nobody is watching
 * (cron, systemd), human lines on a terminal. pino-pretty runs in-process and synchronously, so no log
 * line is lost when the process exits with an error code.
 */
import { createRequire } from "node:module";
import pino, { type Logger } from "pino";

/**
 * pino-pretty only for the pretty format: a scheduled run logs JSON and need not load it (issue 20: a
 * run that finds nothing changed takes well under a second, and loading it was ~30 ms of that).
 * Required synchronously, so the logger is ready at once and no line is lost.
 */
type Pretty = typeof import("pino-pretty");
const loadPretty = (): Pretty => {
  const loaded = createRequire(import.meta.url)("pino-pretty") as Pretty | { default: Pretty };
  return "default" in loaded ? loaded.default : loaded;
};

export type { Logger };

export interface LoggerOptions {
  format: "json" | "pretty";
  quiet: boolean;
  debug: boolean;
  /** Where lines go; stderr by default. Tests pass a collecting stream. */
  destination?: NodeJS.WritableStream;
}

export function createLogger(opts: LoggerOptions): Logger {
  const level = opts.debug ? "debug" : opts.quiet ? "warn" : "info";
  const base = { level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime };
  if (opts.format === "pretty") {
    const stream = loadPretty()({
      destination: opts.destination ?? 2,
      sync: true,
      colorize: false,
      ignore: "pid,hostname",
      translateTime: "SYS:HH:MM:ss",
    });
    return pino(base, stream);
  }
  if (opts.destination) return pino(base, opts.destination);
  return pino(base, pino.destination({ dest: 2, sync: true }));
}
