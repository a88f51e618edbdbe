/**
 * A FileAggregate (file-aggregate.ts) as stored in the per-file cache (incident-cache.ts), in two
 * files: a JSON entry with the report, the groups and the shape of the id arrays (validated with zod),
 * and a binary file with the id arrays' raw bytes, written and read without building a string: at
 * 10 M ids, base64 inside JSON made transient strings of hundreds of MB on every write and read.
 * The binary starts with a random stamp also written in the entry, so an entry is never paired with a
 * binary from another write (a crash between the two renames leaves a miss, not a mix). The id hashes
 * are not stored: they are recomputed on load (hashUnits), so a damaged id cannot hide behind a stale
 * hash. Typed arrays are stored in the machine's byte order: the cache is local to the machine that
 * wrote it.
 *
 * Binary layout after the 16-byte stamp, every array starting aligned to its element size:
 * idCount f64[n], idInstant f64[n], idEnds u32[n], idGroup i32[n], idUnits (u8 or u16)[units], idPlaced u8[n].
 */
import { randomBytes } from "node:crypto";
import { closeSync, fstatSync, openSync, readSync, writeSync } from "node:fs";
import { z } from "zod";
import type { FileAggregate, QuarantinePart } from "./file-aggregate.ts";
import { hashUnits } from "../text/id-text.ts";
import { FileReportSchema } from "../../model/records.ts";
import { at as item } from "../../core/checked.ts";

const STAMP_BYTES = 16;

export const StoredAggregateSchema = z.object({
  report: FileReportSchema,
  groups: z.array(z.tuple([z.string(), z.string(), z.string(), z.number(), z.number().int().nonnegative()])),
  ids: z.number().int().nonnegative(),
  units: z.number().int().nonnegative(),
  unitBytes: z.union([z.literal(1), z.literal(2)]),
  stamp: z.string().regex(/^[0-9a-f]{16}$/),
  quarantineRows: z.number().int().nonnegative(),
  quarantineBytes: z.number().int().nonnegative(),
  maxPast: z.number().nullable(),
  minFuture: z.number().nullable(),
});
export type StoredAggregate = z.infer<typeof StoredAggregateSchema>;

const binaryBytes = (s: Pick<StoredAggregate, "ids" | "units" | "unitBytes">) => STAMP_BYTES + s.ids * (8 + 8 + 4 + 4 + 1) + s.units * s.unitBytes;

/** Writes the id arrays to `binaryPath` and returns the entry's JSON part. */
export function storeAggregate(agg: FileAggregate, binaryPath: string): StoredAggregate {
  const stamp = randomBytes(8).toString("hex");
  const fd = openSync(binaryPath, "w");
  try {
    const views: ArrayBufferView[] = [agg.idCount, agg.idInstant, agg.idEnds, agg.idGroup, agg.idUnits, agg.idPlaced];
    writeSync(fd, stamp);
    for (const v of views) writeSync(fd, new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
  } finally {
    closeSync(fd);
  }
  return {
    report: agg.report,
    groups: agg.groups,
    ids: agg.idEnds.length,
    units: agg.idUnits.length,
    // idUnits is a Uint8Array or a Uint16Array (id-text.ts), so its element size is 1 or 2.
    unitBytes: agg.idUnits.BYTES_PER_ELEMENT as 1 | 2,
    stamp,
    quarantineRows: agg.quarantine.rows,
    quarantineBytes: agg.quarantine.bytes,
    maxPast: agg.maxPast,
    minFuture: agg.minFuture,
  };
}

/** The whole of file `path` in a buffer of its own (offset 0, so loadAggregate's views need no copy). */
export function readBinary(path: string): Uint8Array {
  const fd = openSync(path, "r");
  try {
    const size = fstatSync(fd).size;
    const bytes = new Uint8Array(size);
    let at = 0;
    while (at < size) {
      const got = readSync(fd, bytes, at, size - at, at);
      if (got === 0) throw new Error("cache entry: binary shorter than its size");
      at += got;
    }
    return bytes;
  } finally {
    closeSync(fd);
  }
}

/** The aggregate of a validated entry and its binary; throws when they do not fit together. */
export function loadAggregate(stored: StoredAggregate, binary: Uint8Array, quarantinePath: string | null): FileAggregate {
  if (binary.length !== binaryBytes(stored)) throw new Error("cache entry: binary of the wrong size");
  if (Buffer.from(binary.buffer, binary.byteOffset, STAMP_BYTES).toString("latin1") !== stored.stamp) throw new Error("cache entry: binary from another write");
  // Views need offsets aligned to their element size: copy unless the bytes start 8-aligned (readBinary's do).
  const bytes = binary.byteOffset % 8 === 0 ? binary : binary.slice();
  const n = stored.ids;
  let at = bytes.byteOffset + STAMP_BYTES;
  const take = <T>(make: (b: ArrayBuffer, offset: number, length: number) => T, length: number, size: number): T => {
    // A Buffer read from a file is backed by an ArrayBuffer, never a SharedArrayBuffer.
    const view = make(bytes.buffer as ArrayBuffer, at, length);
    at += length * size;
    return view;
  };
  const idCount = take((b, o, l) => new Float64Array(b, o, l), n, 8);
  const idInstant = take((b, o, l) => new Float64Array(b, o, l), n, 8);
  const idEnds = take((b, o, l) => new Uint32Array(b, o, l), n, 4);
  const idGroup = take((b, o, l) => new Int32Array(b, o, l), n, 4);
  const idUnits = stored.unitBytes === 1 ? take((b, o, l) => new Uint8Array(b, o, l), stored.units, 1) : take((b, o, l) => new Uint16Array(b, o, l), stored.units, 2);
  const idPlaced = take((b, o, l) => new Uint8Array(b, o, l), n, 1);
  const idHash = new Int32Array(n);
  let previous = 0;
  for (let i = 0; i < n; i++) {
    const end = item(idEnds, i);
    if (end <= previous) throw new Error("cache entry: empty or unordered id");
    const group = item(idGroup, i);
    if (group < 0 || group >= stored.groups.length || item(idPlaced, i) > 2) throw new Error("cache entry: id out of range");
    idHash[i] = hashUnits(idUnits, previous, end);
    previous = end;
  }
  if (previous !== stored.units) throw new Error("cache entry: id text of the wrong length");
  const quarantine: QuarantinePart = { rows: stored.quarantineRows, bytes: stored.quarantineBytes, path: stored.quarantineRows > 0 ? quarantinePath : null };
  const { report, groups, maxPast, minFuture } = stored;
  return { report, groups, idUnits, idEnds, idHash, idGroup, idCount, idInstant, idPlaced, quarantine, maxPast, minFuture };
}
