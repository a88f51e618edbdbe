/**
 * Property-based fuzzing of every reader (issue 8) through ingestSources, the reader boundary a run
 * uses: random bytes and mutated real-format files (truncated, NUL bytes, BOM in the middle, unbalanced
 * quotes, every delimiter, mixed line ends, Windows-1252 / UTF-16 re-encodings, undefined 1252 bytes).
 * Fixed seed for reproducible CI; `LAGESBILD_FUZZ_RUNS` scales the runs per property (default 25).
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, it } from "vitest";
import type { TestProject } from "../fixtures/ingest/project.ts";
import { FORMATS, formatProject } from "./_formats.ts";
import { ingestAndCheck } from "./_fuzz-check.ts";

const RUNS = Math.max(1, Number(process.env.LAGESBILD_FUZZ_RUNS ?? 25));
const SEED = 20240331;

/** Byte strings that break parsers: quotes, line ends, delimiters, NUL, BOMs, bytes 1252 leaves undefined. */
const HOSTILE = [
  '"', '""', '"\n', "\r", "\n", "\r\n", "\n\r", ",", ";", "\t", "|", ":", "\0", "\ufeff", "\u202e", "\u200b",
  "{", "}", "[", "]", '{"', "\\", "\\u00", "€", "åäö", "=cmd|' /C calc'!A0", "1e999", "-0", "NaN",
].map((s) => Buffer.from(s, "utf8"));
const RAW_BYTES = [[0x81], [0x8d], [0x8f], [0x90], [0x9d], [0xff, 0xfe], [0xfe, 0xff], [0xef, 0xbb, 0xbf], [0xc3], [0xe5], [0xf0, 0x9f]].map((b) => Buffer.from(b));

type Mutation =
  | { op: "truncate"; at: number }
  | { op: "insert"; at: number; bytes: Uint8Array }
  | { op: "delete"; at: number; len: number }
  | { op: "delimiter"; to: string }
  | { op: "lineEnds"; to: string }
  | { op: "encode"; to: "latin1" | "utf16le" | "utf16be" }
  | { op: "repeat"; at: number; len: number; times: number };

const position = fc.double({ min: 0, max: 1, noNaN: true });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant("truncate" as const), at: position }),
  fc.record({ op: fc.constant("insert" as const), at: position, bytes: fc.oneof(fc.constantFrom(...HOSTILE, ...RAW_BYTES), fc.uint8Array({ maxLength: 40 })) }),
  fc.record({ op: fc.constant("delete" as const), at: position, len: fc.integer({ min: 1, max: 30 }) }),
  fc.record({ op: fc.constant("delimiter" as const), to: fc.constantFrom(",", "\t", "|", ":", " ", "", ";;", '"') }),
  fc.record({ op: fc.constant("lineEnds" as const), to: fc.constantFrom("\r\n", "\r", "\n\n", "\u2028", "\r\r\n") }),
  fc.record({ op: fc.constant("encode" as const), to: fc.constantFrom("latin1" as const, "utf16le" as const, "utf16be" as const) }),
  fc.record({ op: fc.constant("repeat" as const), at: position, len: fc.integer({ min: 1, max: 80 }), times: fc.integer({ min: 2, max: 50 }) }),
);

function apply(bytes: Buffer, m: Mutation): Buffer {
  const at = (f: number) => Math.floor(f * bytes.length);
  switch (m.op) {
    case "truncate":
      return bytes.subarray(0, at(m.at));
    case "insert":
      return Buffer.concat([bytes.subarray(0, at(m.at)), m.bytes, bytes.subarray(at(m.at))]);
    case "delete":
      return Buffer.concat([bytes.subarray(0, at(m.at)), bytes.subarray(at(m.at) + m.len)]);
    case "delimiter":
      return Buffer.from(bytes.toString("latin1").replaceAll(";", m.to), "latin1");
    case "lineEnds": {
      // Every other line end changes: mixed endings in one file.
      let i = 0;
      return Buffer.from(bytes.toString("latin1").replace(/\r?\n/g, (e) => (i++ % 2 === 0 ? m.to : e)), "latin1");
    }
    case "encode": {
      const text = bytes.toString("utf8");
      if (m.to === "latin1") return Buffer.from(text, "latin1");
      const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
      return m.to === "utf16le" ? le : Buffer.from(le).swap16();
    }
    case "repeat": {
      const seg = bytes.subarray(at(m.at), at(m.at) + m.len);
      return Buffer.concat([bytes.subarray(0, at(m.at)), ...Array<Buffer>(m.times).fill(seg), bytes.subarray(at(m.at))]);
    }
  }
}

describe.each(FORMATS)("fuzzing the $name reader", (format) => {
  let project: TestProject;
  beforeAll(() => {
    project = formatProject(format);
  });
  afterAll(() => project.cleanup());

  it("keeps the row accounting on mutated real-format files", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 6 }), async (mutations) => {
        const bytes = mutations.reduce(apply, Buffer.from(format.seed, "utf8"));
        await ingestAndCheck(format, project, bytes);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it("keeps the row accounting on random bytes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), async (bytes) => {
        await ingestAndCheck(format, project, Buffer.from(bytes));
      }),
      { seed: SEED + 1, numRuns: Math.ceil(RUNS / 2) },
    );
  });

  it("keeps the row accounting on random text made of the format's own tokens", async () => {
    const tokens = fc.constantFrom(...HOSTILE.map((b) => b.toString("utf8")), "2024-03-01", "Stöld", "Centrum", "1", "mars 2024", "Söderhamn", '"name":', '"type":', "pagar", "Ja");
    await fc.assert(
      fc.asyncProperty(fc.array(tokens, { maxLength: 300 }), async (parts) => {
        const header = format.seed.split(/\r?\n/)[0]!;
        await ingestAndCheck(format, project, `${header}\n${parts.join("")}`);
      }),
      { seed: SEED + 2, numRuns: Math.ceil(RUNS / 2) },
    );
  });
});
