/**
 * What a month folder already publishes, read before the folder is replaced: its indicators (the base
 * of the next revision number and of the revision note's "what changed") and its earlier revision notes.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Indicators } from "../model/indicators.ts";
import { stringifyJson } from "../core/write-json.ts";
import { sha256 } from "./manifest.ts";
import { isLagesbildFile } from "./known-files.ts";
import { indicatorsPath, readIndicatorsFile } from "./read-indicators.ts";
import { type RevisionsFile, RevisionsFileSchema } from "../model/revisions.ts";
import { REVISIONS_FILE } from "./revisions-file.ts";

/**
 * sha256 of the canonical published indicators: `indicators.json` without `generated_at`, `revision`
 * and `sources` (spec/outputs.md). It is taken of the suppressed copy, never of the computed figures:
 * the hash is published in manifest.json, and a hash over hidden counts would let anyone confirm a
 * guessed hidden value (there are only min_count − 1 candidates per cell).
 */
export function publishedIndicatorsHash(ind: Pick<Indicators, "generated_at" | "revision" | "sources">): string {
  const { generated_at: _g, revision: _r, sources: _s, ...rest } = ind;
  return sha256(stringifyJson(rest));
}

export interface PublishedMonth {
  indicators: Indicators;
  revisions: RevisionsFile["revisions"];
}

/** The month's published indicators and revision notes, or null when the month was never published. */
export function readPublishedMonth(outDir: string, month: string): PublishedMonth | null {
  const indicators = readIndicatorsFile(indicatorsPath(outDir, month));
  // Absent, unreadable or not the schema: treated as never published, so the month is rebuilt as revision 1.
  if (indicators === null) return null;
  const revisions = readRevisionNotes(outDir, month);
  return { indicators, revisions };
}

/** The month's earlier revision notes (`revisions.json`), or none when the file is absent or damaged. */
export function readRevisionNotes(outDir: string, month: string): RevisionsFile["revisions"] {
  const notesFile = path.join(outDir, month, REVISIONS_FILE);
  if (!existsSync(notesFile)) return [];
  try {
    const parsed = RevisionsFileSchema.safeParse(JSON.parse(readFileSync(notesFile, "utf8")));
    if (parsed.success) return parsed.data.revisions;
  } catch {
    // a damaged notes file loses the old notes but must not stop the month
  }
  return [];
}

/** Every file of a month folder except those named, as bytes (what `--only data` carries over). */
export function otherMonthFiles(outDir: string, month: string, except: ReadonlySet<string>): Array<{ path: string; content: Buffer }> {
  const dir = path.join(outDir, month);
  if (!existsSync(dir)) return [];
  const out: Array<{ path: string; content: Buffer }> = [];
  const walk = (rel: string) => {
    for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      if (e.name.startsWith(".")) continue;
      const child = rel === "" ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) walk(child);
      // Only files lagesbild wrote are carried over (issue 14.1): a stray file is never adopted.
      else if (e.isFile() && !except.has(child) && isLagesbildFile(`${month}/${child}`)) out.push({ path: child, content: readFileSync(path.join(dir, child)) });
    }
  };
  walk("");
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
