/**
 * One error type with stable codes, like csv-parse's CsvError: a code, a Swedish message the user can
 * act on, and the exit code of spec/cli.md. The CLI's single top-level catch turns a LagesbildError into
 * its message and exit code, and anything else into "internal error" (exit 70).
 */
export type ExitCode = 0 | 1 | 2 | 3 | 4 | 70;

export const EXIT = {
  ok: 0,
  data: 1,
  usage: 2,
  locked: 3,
  notCovered: 4,
  internal: 70,
} as const satisfies Record<string, ExitCode>;

export type ErrorCode =
  | "usage"
  | "config"
  | "no_files"
  | "unreadable_file"
  | "rejected_share"
  | "not_covered"
  | "locked"
  | "publish"
  | "fetch_failed";

const EXIT_BY_CODE: Record<ErrorCode, ExitCode> = {
  usage: 2,
  config: 2,
  no_files: 1,
  unreadable_file: 1,
  rejected_share: 1,
  not_covered: 4,
  locked: 3,
  publish: 1,
  // `lagesbild hamta polisen`: a poll that failed (network, HTTP status, bad answer) changed nothing.
  fetch_failed: 1,
};

export class LagesbildError extends Error {
  readonly code: ErrorCode;
  readonly exitCode: ExitCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "LagesbildError";
    this.code = code;
    this.exitCode = EXIT_BY_CODE[code];
  }
}
