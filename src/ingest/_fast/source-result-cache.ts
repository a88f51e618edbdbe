/**
 * The merged result of one incident source for one exact, ordered list of per-file cache entries
 * (incident-cache.ts): its counts per group and its files' reports after the cross-file id rules. A
 * monthly run where nothing changed then loads one small entry instead of every file's ids and
 * merging them again (issue 7: "warm run close to the time it takes to hash the input files"); a run
 * where one file changed misses here and merges from the per-file entries, which stay exact.
 *
 * The key is the ordered list of per-file keys, each of which already covers the file's bytes, path
 * and every config part that affects its reading: the merge depends on nothing else. Like the per-file
 * entries it records the run-time window in which no row's `future_date` outcome changes, and each
 * file's quarantine part (which lives beside the per-file entry) by its row and byte counts.
 */
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { QuarantinePart } from "./file-aggregate.ts";
import { GroupCounts } from "../../model/group-counts.ts";
import { CACHE_FORMAT, servesRunTime } from "./incident-cache.ts";
import { FileReportSchema, type IncidentSourceData } from "../../model/records.ts";
import { at } from "../../core/checked.ts";
import { sha256Hex } from "../../core/sha256-hex.ts";

/**
 * The entry is one binary file (issue 20: at 300 areas a JSON entry was 200 000 group tuples, parsed and
 * validated one by one on every unchanged run):
 *   MAGIC (8 bytes) · header length h (u32 LE) · 0 (u32) · header (JSON, UTF-8, padded to 8 bytes) ·
 *   count f64[n] · area i32[n] · month i32[n] · category i32[n] · sha256 of everything before it (32 bytes).
 * The header (format, key, the files' reports, the texts the indices point into, n) is small and still
 * validated with zod; the groups are trusted once the checksum matches and every index is in range.
 * Typed arrays are in the machine's byte order: the cache is local to the machine that wrote it.
 */
const MAGIC = Buffer.from("LGBSRC\x00\x01", "latin1");
const PREFIX = 16;
const CHECKSUM = 32;

const HeaderSchema = z.object({
  format: z.literal(CACHE_FORMAT),
  key: z.string(),
  files: z.array(FileReportSchema),
  firstMonth: z.string().nullable(),
  lastMonth: z.string().nullable(),
  parts: z.array(z.object({ rows: z.number().int().nonnegative(), bytes: z.number().int().nonnegative() })),
  maxPast: z.number().nullable(),
  minFuture: z.number().nullable(),
  areas: z.array(z.string()),
  months: z.array(z.string()),
  categories: z.array(z.string()),
  groups: z.number().int().nonnegative(),
});

export interface CachedSourceResult {
  data: IncidentSourceData;
  /** Each file's quarantine part, in file order (path null when it has no rejected rows). */
  parts: QuarantinePart[];
}

/** The key of a source's merged result: its per-file keys, in file order. */
export function sourceResultKey(fileKeys: readonly string[]): string {
  return sha256Hex(JSON.stringify(["source", CACHE_FORMAT, fileKeys]));
}

export interface SourceResultCache {
  get(key: string, sourceId: string, now: number): CachedSourceResult | null;
  put(key: string, result: CachedSourceResult, window: { maxPast: number | null; minFuture: number | null }): void;
}

/**
 * `quarantinePaths[i]` is where file i's part lives (the per-file entry's); a part whose size is not
 * the recorded one makes the entry a miss.
 */
export function openSourceResultCache(dir: string, quarantinePaths: readonly string[], log?: (msg: string, obj?: Record<string, unknown>) => void): SourceResultCache {
  const folder = path.join(dir, "sources");
  const file = (key: string) => path.join(folder, `${key}.bin`);
  return {
    get(key, sourceId, now) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(file(key));
      } catch {
        return null; // no entry yet
      }
      try {
        const { header, counts } = decodeEntry(bytes);
        if (header.key !== key || header.parts.length !== quarantinePaths.length || header.files.length !== quarantinePaths.length) throw new Error("key mismatch");
        if (!servesRunTime(header, now)) return null;
        const parts = header.parts.map(({ rows, bytes }, i): QuarantinePart => {
          if (rows === 0) return { rows, bytes, path: null };
          const part = at(quarantinePaths, i);
          if (statSync(part).size !== bytes) throw new Error("quarantine part changed");
          return { rows, bytes, path: part };
        });
        const { files, firstMonth, lastMonth } = header;
        return { data: { sourceId, files, firstMonth, lastMonth, counts, arealess: false }, parts };
      } catch (error) {
        log?.("source cache entry unreadable, merging again", { key, error: String(error).slice(0, 200) });
        return null;
      }
    },
    put(key, { data, parts }, window) {
      mkdirSync(folder, { recursive: true });
      const tmp = path.join(folder, `.${key}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`);
      try {
        writeFileSync(tmp, encodeEntry(key, data, parts, window));
        renameSync(tmp, file(key));
      } catch (error) {
        rmSync(tmp, { force: true });
        log?.("source cache entry not written", { key, error: String(error).slice(0, 200) });
      }
    },
  };
}

const bytesOf = (a: Float64Array | Int32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

/** The entry's bytes (layout in the module comment). */
export function encodeEntry(
  key: string,
  data: IncidentSourceData,
  parts: readonly QuarantinePart[],
  window: { maxPast: number | null; minFuture: number | null },
): Buffer {
  const counts = GroupCounts.from(data.counts);
  const header: z.infer<typeof HeaderSchema> = {
    format: CACHE_FORMAT,
    key,
    files: data.files,
    firstMonth: data.firstMonth,
    lastMonth: data.lastMonth,
    parts: parts.map(({ rows, bytes }) => ({ rows, bytes })),
    ...window,
    areas: [...counts.areas],
    months: [...counts.months],
    categories: [...counts.categories],
    groups: counts.size,
  };
  const text = Buffer.from(JSON.stringify(header), "utf8");
  const padded = Buffer.alloc(Math.ceil(text.length / 8) * 8, 0x20);
  text.copy(padded);
  const prefix = Buffer.alloc(PREFIX);
  MAGIC.copy(prefix);
  prefix.writeUInt32LE(padded.length, 8);
  const body = Buffer.concat([prefix, padded, bytesOf(counts.count), bytesOf(counts.area), bytesOf(counts.month), bytesOf(counts.category)]);
  return Buffer.concat([body, createHash("sha256").update(body).digest()]);
}

/** The entry in `bytes`; throws when it is not one this program wrote whole (damaged, cut short, foreign, another format). */
export function decodeEntry(bytes: Buffer): { header: z.infer<typeof HeaderSchema>; counts: GroupCounts } {
  if (bytes.length < PREFIX + CHECKSUM || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error("not a source cache entry");
  const body = bytes.subarray(0, bytes.length - CHECKSUM);
  if (!createHash("sha256").update(body).digest().equals(bytes.subarray(body.length))) throw new Error("checksum mismatch");
  const headerLength = bytes.readUInt32LE(8);
  if (headerLength % 8 !== 0 || PREFIX + headerLength > body.length) throw new Error("header length out of range");
  const header = HeaderSchema.parse(JSON.parse(bytes.toString("utf8", PREFIX, PREFIX + headerLength)));
  const n = header.groups;
  if (body.length !== PREFIX + headerLength + n * (8 + 4 + 4 + 4)) throw new Error("group arrays of the wrong size");
  // One aligned copy of the arrays (a Buffer from readFileSync may start anywhere in its pool).
  const arrays = new ArrayBuffer(n * 20);
  new Uint8Array(arrays).set(body.subarray(PREFIX + headerLength));
  const count = new Float64Array(arrays, 0, n);
  const area = new Int32Array(arrays, n * 8, n);
  const month = new Int32Array(arrays, n * 12, n);
  const category = new Int32Array(arrays, n * 16, n);
  const inRange = (a: Int32Array, size: number) => {
    for (const v of a) if (!(v >= 0 && v < size)) return false;
    return true;
  };
  if (!inRange(area, header.areas.length) || !inRange(month, header.months.length) || !inRange(category, header.categories.length)) throw new Error("group index out of range");
  for (const c of count) if (!Number.isFinite(c)) throw new Error("group count not a number");
  return { header, counts: new GroupCounts(header.areas, header.months, header.categories, area, month, category, count) };
}
