/**
 * The poll log of a polled archive: one JSON line per successful poll in `hamtlogg-YYYY-MM.jsonl`
 * (month of the poll, UTC), in the archive's folder. It is what makes the archive's coverage honest
 * (spec/indicators.md "Coverage", issue 19): what the polls saw starts at the oldest event of the
 * first poll's answer (the API answers with the latest events, so nothing published after that one is
 * missing) and ends at the last successful poll; a gap, where the oldest event of an answer was newer
 * than anything archived, is a stretch of time whose events may be missing. Failed polls write nothing.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { LagesbildError } from "../core/errors.ts";
import type { PolledSpan } from "../model/records.ts";
import { LOG_FILE, logFileName } from "../config/archive-files.ts";

export const PollLineSchema = z.object({
  /** When the poll was answered (ISO-8601 UTC). */
  at: z.string(),
  url: z.string(),
  /** The answer was 304 Not Modified: nothing new, but the time up to `at` is still covered. */
  not_modified: z.boolean().optional(),
  events: z.number().int().nonnegative(),
  added: z.number().int().nonnegative(),
  edited: z.number().int().nonnegative(),
  /** Publication times (`datetime`) of the oldest and newest event in the answer, ISO-8601 UTC. */
  oldest: z.string().nullable(),
  newest: z.string().nullable(),
  etag: z.string().nullable().optional(),
  last_modified: z.string().nullable().optional(),
  /** Events published between `from` (the previous successful poll) and `to` (this answer's oldest) may be missing. */
  gap: z.object({ from: z.string(), to: z.string() }).optional(),
});
export type PollLine = z.infer<typeof PollLineSchema>;

/** Every line of every log file, oldest first; a line that does not parse makes the log unreadable. */
export function readPollLog(dir: string): PollLine[] {
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir).filter((f) => LOG_FILE.test(f)).sort();
  const lines: PollLine[] = [];
  for (const file of files) {
    const text = readFileSync(path.join(dir, file), "utf8");
    text.split("\n").forEach((line, i) => {
      if (line.trim() === "") return;
      let parsed;
      try {
        parsed = PollLineSchema.safeParse(JSON.parse(line));
      } catch {
        parsed = null;
      }
      if (!parsed?.success) {
        throw new LagesbildError("unreadable_file", `Hämtloggen ${path.join(dir, file)}:${i + 1} kan inte läsas; rätta eller ta bort raden.`, {
          file: path.join(dir, file),
          line: i + 1,
        });
      }
      lines.push(parsed.data);
    });
  }
  return lines;
}

/** The log file a poll at `at` is written to, and its new content with `line` appended. */
export function appendedLog(dir: string, line: PollLine): { file: string; content: string } {
  const file = path.join(dir, logFileName(line.at.slice(0, 7)));
  const before = existsSync(file) ? readFileSync(file, "utf8") : "";
  const sep = before === "" || before.endsWith("\n") ? "" : "\n";
  return { file, content: `${before}${sep}${JSON.stringify(line)}\n` };
}

export function polledSpan(lines: readonly PollLine[]): PolledSpan | null {
  const first = lines[0];
  const last = lines.at(-1);
  if (first === undefined || last === undefined) return null;
  const from = Date.parse(first.oldest ?? first.at);
  return {
    from,
    to: Date.parse(last.at),
    gaps: lines.flatMap((l) => (l.gap ? [{ from: Date.parse(l.gap.from), to: Date.parse(l.gap.to) }] : [])),
  };
}
