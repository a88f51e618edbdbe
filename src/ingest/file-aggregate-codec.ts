/**
 * A FileAggregate (file-aggregate.ts) as stored in the per-file cache (incident-cache.ts): the id arrays
 * as base64 of their typed arrays and the ids as one string, so a 2.5 M-id file is a few strings to
 * parse and check rather than millions of JSON values for zod to visit one by one. The quarantine
 * lines are not in the entry: they sit in a file beside it, and only their row and byte counts are
 * stored (so a missing or changed quarantine file makes the entry a miss). Typed arrays are stored in
 * the machine's byte order: the cache is local to the machine that wrote it.
 */
import { z } from "zod";
import type { FileAggregate, QuarantinePart } from "./file-aggregate.ts";
import { FileReportSchema } from "./types.ts";

export const StoredAggregateSchema = z.object({
  report: FileReportSchema,
  groups: z.array(z.tuple([z.string(), z.string(), z.string(), z.number(), z.number().int().nonnegative()])),
  idText: z.string(),
  idEnds: z.string(),
  idGroup: z.string(),
  idCount: z.string(),
  idInstant: z.string(),
  idPlaced: z.string(),
  quarantineRows: z.number().int().nonnegative(),
  quarantineBytes: z.number().int().nonnegative(),
  maxPast: z.number().nullable(),
  minFuture: z.number().nullable(),
});
export type StoredAggregate = z.infer<typeof StoredAggregateSchema>;

const b64 = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString("base64");

/** A fresh (aligned) ArrayBuffer with the bytes of base64 `s`, which must be a whole number of `unit`s. */
function bytesOf(s: string, unit: number): ArrayBuffer {
  const buf = Buffer.from(s, "base64");
  if (buf.length % unit !== 0) throw new Error("cache entry: array of the wrong size");
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length) as ArrayBuffer;
}

export function storeAggregate(agg: FileAggregate): StoredAggregate {
  return {
    report: agg.report,
    groups: agg.groups,
    idText: agg.idText,
    idEnds: b64(agg.idEnds),
    idGroup: b64(agg.idGroup),
    idCount: b64(agg.idCount),
    idInstant: b64(agg.idInstant),
    idPlaced: b64(agg.idPlaced),
    quarantineRows: agg.quarantine.rows,
    quarantineBytes: agg.quarantine.bytes,
    maxPast: agg.maxPast,
    minFuture: agg.minFuture,
  };
}

/** The aggregate of a validated entry; throws when its arrays do not fit together. */
export function loadAggregate(stored: StoredAggregate, quarantinePath: string | null): FileAggregate {
  const idEnds = new Uint32Array(bytesOf(stored.idEnds, 4));
  const idGroup = new Int32Array(bytesOf(stored.idGroup, 4));
  const idCount = new Float64Array(bytesOf(stored.idCount, 8));
  const idInstant = new Float64Array(bytesOf(stored.idInstant, 8));
  const idPlaced = new Uint8Array(bytesOf(stored.idPlaced, 1));
  const n = idEnds.length;
  if (idGroup.length !== n || idCount.length !== n || idInstant.length !== n || idPlaced.length !== n) throw new Error("cache entry: id arrays differ in length");
  let previous = 0;
  for (let i = 0; i < n; i++) {
    if (idEnds[i]! <= previous) throw new Error("cache entry: empty or unordered id");
    previous = idEnds[i]!;
    if (idGroup[i]! < 0 || idGroup[i]! >= stored.groups.length || idPlaced[i]! > 2) throw new Error("cache entry: id out of range");
  }
  if (previous !== stored.idText.length) throw new Error("cache entry: id text of the wrong length");
  const quarantine: QuarantinePart = { rows: stored.quarantineRows, bytes: stored.quarantineBytes, path: stored.quarantineRows > 0 ? quarantinePath : null };
  const { report, groups, idText, maxPast, minFuture } = stored;
  return { report, groups, idText, idEnds, idGroup, idCount, idInstant, idPlaced, quarantine, maxPast, minFuture };
}
