/**
 * One input file's quarantine lines written to a file of their own while it is read (in a worker or
 * for the cache), instead of kept in memory: a file with millions of rejected rows would otherwise
 * hold them all until the merge (issue 7). The part lives in `cache_dir` or `quarantine_dir`, both
 * outside the published output; the merge appends it to the source's quarantine in file order
 * (quarantine.ts `appendPart`). Lines are made by `quarantineLine`, so they are scrubbed exactly as
 * the quarantine's own.
 */
import { once } from "node:events";
import { createReadStream, createWriteStream, mkdirSync, rmSync, type WriteStream } from "node:fs";
import path from "node:path";
import { finished } from "node:stream/promises";
import type { QuarantinePart } from "./file-aggregate.ts";
import { quarantineLine, type QuarantineWriter } from "../quarantine.ts";

export interface QuarantinePartWriter extends QuarantineWriter {
  /** Closes the part; `path` is null when no row was rejected (no file is created then). */
  finish(): Promise<QuarantinePart>;
}

/** A writer of the part file `file` (absolute), or, with `file` null, one that only counts. */
export function openQuarantinePart(file: string | null): QuarantinePartWriter {
  let stream: WriteStream | null = null;
  let failure: Error | null = null;
  let rows = 0;
  let bytes = 0;
  const close = async () => {
    if (stream === null) return;
    stream.end();
    await finished(stream).catch(() => {});
    if (failure) throw failure;
  };
  return {
    path: file ?? "",
    write(source, line, reason, cells, delimiter) {
      const text = quarantineLine(source, line, reason, cells, delimiter);
      rows++;
      bytes += Buffer.byteLength(text);
      if (file === null) return;
      if (stream === null) {
        mkdirSync(path.dirname(file), { recursive: true });
        stream = createWriteStream(file, { flags: "w", encoding: "utf8" });
        stream.on("error", (e) => {
          failure = e;
        });
      }
      if (stream.write(text)) return;
      const s = stream;
      return new Promise<void>((resolve) => {
        s.once("drain", resolve);
        s.once("error", () => resolve()); // reported by finish()
      });
    },
    close,
    async finish() {
      await close();
      return { rows, bytes, path: stream === null ? null : file };
    },
  };
}

/**
 * The parts of one file's ranges (split-file.ts) joined, in order, into the part file `into` (absolute,
 * or null: parts that only count). Each range's part is removed once copied.
 */
export async function joinParts(parts: readonly QuarantinePart[], into: string | null): Promise<QuarantinePart> {
  const rows = parts.reduce((n, p) => n + p.rows, 0);
  const bytes = parts.reduce((n, p) => n + p.bytes, 0);
  const files = parts.flatMap((p) => (p.path === null ? [] : [p.path]));
  if (into === null || files.length === 0) return { rows, bytes, path: null };
  mkdirSync(path.dirname(into), { recursive: true });
  const sink = createWriteStream(into, { flags: "w" });
  for (const file of files) {
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
      if (!sink.write(chunk)) await once(sink, "drain");
    }
    rmSync(file, { force: true });
  }
  sink.end();
  await finished(sink);
  return { rows, bytes, path: into };
}
