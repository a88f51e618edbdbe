/**
 * What a month folder already publishes, read before the folder is replaced: its indicators (the base
 * of the next revision number and of the revision note's "what changed") and its earlier revision notes.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Indicators } from "../model/indicators.ts";
import { stringifyJson } from "../core/write-json.ts";
import { sha256Hex } from "../core/sha256-hex.ts";
import { isLagesbildFile } from "./known-files.ts";
import type { CarriedFile } from "./manifest-state.ts";
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
  return sha256Hex(stringifyJson(rest));
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

/**
 * Every file of a month folder except those named (what `--only data` carries over): as a link to the
 * published file when `known` gives its recorded sha256 and size and the size on disk agrees (the
 * manifest was checked against the disk at start-up), else as bytes. At 312 areas that is 640 pages and
 * charts a data run no longer reads, writes and hashes again (issue 20).
 */
export function otherMonthFiles(
  outDir: string,
  month: string,
  except: ReadonlySet<string>,
  known: (rel: string) => { sha256: string; size: number } | undefined = () => undefined,
): Array<{ path: string; content: Buffer } | CarriedFile> {
  const dir = path.join(outDir, month);
  if (!existsSync(dir)) return [];
  const out: Array<{ path: string; content: Buffer } | CarriedFile> = [];
  const walk = (rel: string) => {
    for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      if (e.name.startsWith(".")) continue;
      const child = rel === "" ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) walk(child);
      // Only files lagesbild wrote are carried over (issue 14.1): a stray file is never adopted.
      else if (e.isFile() && !except.has(child) && isLagesbildFile(`${month}/${child}`)) {
        const file = path.join(dir, child);
        const entry = known(`${month}/${child}`);
        if (entry !== undefined && statSync(file).size === entry.size) out.push({ path: child, linkFrom: file, ...entry });
        else out.push({ path: child, content: readFileSync(file) });
      }
    }
  };
  walk("");
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
