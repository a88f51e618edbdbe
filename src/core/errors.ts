/**
 * One error type with stable codes, like csv-parse's CsvError(code, message, context): a code, a Swedish
 * message the user can act on, the exit code of spec/cli.md, and the file and line it concerns where
 * there is one. The CLI's single top-level catch turns a LagesbildError into its message and exit code,
 * and anything else into "internal error" (exit 70). The message already names the file where the user
 * needs it; `file` and `line` are for programs (the library API, tests) that must not parse Swedish.
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

export interface LagesbildErrorOptions {
  cause?: unknown;
  /** The file the error concerns, as the message names it (project-relative where the message is). */
  file?: string;
  /** The 1-based line in `file`, for an error about one line (a config key, a poll log line). */
  line?: number;
}

export class LagesbildError extends Error {
  readonly code: ErrorCode;
  readonly exitCode: ExitCode;
  readonly file: string | undefined;
  readonly line: number | undefined;
  constructor(code: ErrorCode, message: string, options: LagesbildErrorOptions = {}) {
    const { file, line, ...errorOptions } = options;
    super(message, errorOptions);
    this.name = "LagesbildError";
    this.code = code;
    this.exitCode = EXIT_BY_CODE[code];
    this.file = file;
    this.line = line;
  }
}
