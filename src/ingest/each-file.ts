/**
 * The one loop over a source's files, shared by every format (formats/registry.ts): each file in sorted
 * order (spec/inputs.md: cross-file ids depend on it) is hashed and its encoding sniffed in one pass,
 * read by the format, and logged in one line with its row accounting; a file that cannot be read stops
 * the run with one message (exit 1: nothing may be published from partial data). Rejected rows go to
 * one quarantine file per source, opened here and closed however the loop ends.
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { projectRelative, resolveConfigPath, type Config } from "../config/load-config.ts";
import { LagesbildError } from "../core/errors.ts";
import { openRegularFile, readFailureReason } from "../core/read-regular-file.ts";
import type { FileReport } from "../model/records.ts";
import { byteChunks, EncodingSniffer, type BadBytes, type Encoding } from "./text/decode-bytes.ts";
import { openQuarantine, type QuarantineWriter } from "./quarantine.ts";
import type { SourceRun } from "./formats/source-format.ts";

/** A file as the loop hands it to a format: where it is, its hash and its encoding. */
export interface ScannedFile {
  absolute: string;
  /** Relative to the project root, as every message and report names it. */
  path: string;
  sha256: string;
  encoding: Encoding;
  badBytes: BadBytes | null;
}

/** sha256 and encoding in one streaming pass over the bytes. */
export async function scanFile(absolute: string): Promise<{ sha256: string; encoding: Encoding; badBytes: BadBytes | null }> {
  const hash = createHash("sha256");
  const sniffer = new EncodingSniffer();
  // Opened non-blocking and fstat'ed first (issue 14.7): a FIFO swapped in after the glob must not hang the run.
  const fd = openRegularFile(absolute);
  for await (const chunk of byteChunks(createReadStream(absolute, { fd, highWaterMark: 1 << 18 }))) {
    hash.update(chunk);
    sniffer.update(chunk);
  }
  return { sha256: hash.digest("hex"), encoding: sniffer.result(), badBytes: sniffer.badBytes() };
}

/**
 * Rethrows what reading `absolute` threw: a LagesbildError as it is, an operating-system error as the
 * one `unreadable_file` message, anything else (a bug) untouched.
 */
export function rethrowUnreadable(config: Config, sourceId: string, absolute: string, cause: unknown): never {
  if (cause instanceof LagesbildError) throw cause;
  // Operating-system errors carry a `code` (ENOENT, EACCES; ENOTREG for a FIFO swapped in after the glob).
  const systemError = typeof cause === "object" && cause !== null && "code" in cause && cause.code !== undefined;
  if (!systemError) throw cause;
  const file = projectRelative(config, absolute);
  throw new LagesbildError("unreadable_file", `Källan ${sourceId}: filen ${file} kan inte läsas (${readFailureReason(cause)}); kontrollera att den finns och är läsbar.`, { cause, file });
}

/** The file's log line: rows read, accepted, ignored and rejected (and whether a cache gave them). */
export function logFileRead(run: Pick<SourceRun, "opts" | "source">, r: FileReport, cached?: boolean): void {
  run.opts.log?.("info", `${r.path}: ${r.tally.read} rader lästa, ${r.tally.accepted} godkända, ${r.tally.ignored} ignorerade, ${r.tally.rejected} avvisade`, {
    source: run.source.id, file: r.path, encoding: r.encoding, ...(cached === undefined ? {} : { cached }), ...r.tally,
  });
}

/** The source's quarantine file, or null when rejected rows are only counted (validate, tests). */
export function sourceQuarantine(config: Config, sourceId: string, on: boolean): QuarantineWriter | null {
  return on ? openQuarantine(resolveConfigPath(config, config.quarantine_dir), sourceId) : null;
}

/** Reads every file of the run's source with `read`, in order; returns their reports. */
export async function eachFile(run: SourceRun, read: (file: ScannedFile, quarantine: QuarantineWriter | null) => Promise<FileReport>): Promise<FileReport[]> {
  const { config, source } = run;
  const quarantine = sourceQuarantine(config, source.id, run.opts.quarantine);
  const reports: FileReport[] = [];
  try {
    for (const absolute of run.files) {
      let report: FileReport;
      try {
        report = await read({ absolute, path: projectRelative(config, absolute), ...(await scanFile(absolute)) }, quarantine);
      } catch (cause) {
        rethrowUnreadable(config, source.id, absolute, cause);
      }
      reports.push(report);
      logFileRead(run, report);
    }
  } finally {
    await quarantine?.close();
  }
  return reports;
}
