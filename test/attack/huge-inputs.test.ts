/**
 * Deterministic giant inputs (issue 8), one case each rather than per property run: a 50 MB single
 * line, an 8 MB field, 8 million empty cells, a 50 MB JSON string, JSON nested 500 000 deep, 10 000 columns. The readers'
 * guards (csv-parse `max_record_size` = 1 MiB in parse-swedish-csv.ts; 256 KiB per element in
 * read-polisen-events.ts) must turn each into a counted rejection or a Swedish file-level error,
 * never an out-of-memory crash, a stack overflow or a silent pass.
 */
import { closeSync, openSync, writeSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { LagesbildError } from "../../src/core/errors.ts";
import type { IngestResult } from "../../src/model/records.ts";
import type { TestProject } from "../fixtures/ingest/project.ts";
import { FORMATS, formatProject, type FormatCase } from "./_formats.ts";
import { allReports, ingestAndCheck } from "./_fuzz-check.ts";

const MB = 1024 * 1024;
const format = (name: string) => FORMATS.find((f) => f.name === name)!;

/** Writes head + `size` bytes of `fill` (in 1 MiB pieces, so the test itself stays small) + tail. */
function writeHuge(project: TestProject, f: FormatCase, head: string, fill: string, size: number, tail: string): void {
  project.write(f.file, "");
  const fd = openSync(path.join(project.root, "data", f.file), "w");
  writeSync(fd, head);
  const piece = Buffer.from(fill.repeat(Math.ceil(MB / fill.length)).slice(0, MB));
  for (let written = 0; written < size; written += piece.length) writeSync(fd, piece);
  writeSync(fd, tail);
  closeSync(fd);
}

/** Runs `fn` while sampling the resident set; returns its result and the growth over the start in MB. */
async function peakGrowth<T>(fn: () => Promise<T>): Promise<{ value: T; growthMb: number }> {
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  try {
    const value = await fn();
    return { value, growthMb: (peak - start) / MB };
  } finally {
    clearInterval(timer);
  }
}

/** Ingests the giant file already on disk, asserting the reader properties. */
const ingestExisting = (f: FormatCase, project: TestProject) => ingestAndCheck(f, project, null);

describe("giant inputs end as counted rejections or clear errors, within bounded memory", () => {
  const projects: TestProject[] = [];
  const open = (f: FormatCase) => {
    const p = formatProject(f);
    projects.push(p);
    return p;
  };
  afterAll(() => projects.forEach((p) => p.cleanup()));

  it("a 50 MB CSV file that is one single line (no header end) is one column_count rejection", { timeout: 180_000 }, async () => {
    const f = format("incidents csv");
    const p = open(f);
    writeHuge(p, f, "", "Stöld;", 50 * MB, "");
    const { value, growthMb } = await peakGrowth(() => ingestExisting(f, p));
    const file = allReports(value as IngestResult).find((r) => r.path.endsWith(f.file))!;
    expect(file.tally).toMatchObject({ read: 1, rejected: 1, rejected_by_reason: { column_count: 1 } });
    expect(file.problems.some((pr) => /orimligt lång/.test(pr.message))).toBe(true);
    expect(growthMb).toBeLessThan(300);
  });

  it("an 8 MB field in a field report is a column_count rejection at its line, and the lines before count", { timeout: 180_000 }, async () => {
    const f = format("field-reports");
    const p = open(f);
    const head = `${f.seed}\r\n2024-03-03;;;2;Centrum;polis;;1;`;
    writeHuge(p, f, head, "anteckning ", 8 * MB, "\r\n2024-03-04;;;2;Centrum;polis;;1;\r\n");
    const { value, growthMb } = await peakGrowth(() => ingestExisting(f, p));
    const file = allReports(value as IngestResult).find((r) => r.path.endsWith(f.file))!;
    // Two seed rows accepted, then the giant row (line 4) rejected; the rest of the file is not read.
    expect(file.tally).toMatchObject({ read: 3, accepted: 2, rejected: 1, rejected_by_reason: { column_count: 1 } });
    expect(file.problems.find((pr) => pr.reason === "column_count")!.line).toBe(4);
    expect(growthMb).toBeLessThan(300);
  });

  it("an 8 MB line of 8 million empty cells in an aggregated-csv file is one rejection, not 8 million cells in memory", { timeout: 180_000 }, async () => {
    const f = format("aggregated-csv");
    const p = open(f);
    writeHuge(p, f, "period;category;count;area\n", ";", 8 * MB, "\n");
    const { value, growthMb } = await peakGrowth(() => ingestExisting(f, p));
    const file = allReports(value as IngestResult).find((r) => r.path.endsWith("bra.csv"))!;
    expect(file.tally).toMatchObject({ read: 1, rejected: 1 });
    expect(growthMb).toBeLessThan(300);
  });

  it("a polisen-events file with a 50 MB string stops with a Swedish file-level error, not by buffering it", { timeout: 180_000 }, async () => {
    const f = format("polisen-events");
    const p = open(f);
    writeHuge(p, f, '[{"id":1,"name":"', "x", 50 * MB, '"}]');
    const { value, growthMb } = await peakGrowth(() => ingestExisting(f, p));
    expect(value).toBeInstanceOf(LagesbildError);
    expect((value as LagesbildError).message).toMatch(/större än 256 KiB/);
    expect(growthMb).toBeLessThan(300);
  });

  it("a polisen-events element nested 500 000 deep is a Swedish file-level error, not a stack overflow", { timeout: 180_000 }, async () => {
    const f = format("polisen-events");
    const p = open(f);
    writeHuge(p, f, "[", "[".repeat(1000), 500_000, `${"]".repeat(500_000)}]`);
    const value = await ingestExisting(f, p);
    expect(value).toBeInstanceOf(LagesbildError);
  });

  it("a polisen-events element nested 10 000 deep is rejected and quarantined without overflowing JSON.stringify", { timeout: 180_000 }, async () => {
    const f = format("polisen-events");
    const p = open(f);
    const value = await ingestAndCheck(f, p, `[${"[".repeat(10_000)}${"]".repeat(10_000)}]`);
    const file = allReports(value as IngestResult).find((r) => r.path.endsWith("e.json"))!;
    expect(file.tally).toMatchObject({ read: 1, rejected: 1 });
    expect(p.read("var/rejected/handelser.csv")).toContain("för djupt nästlat");
  });

  it("a file with 10 000 columns is read with every row accounted for", { timeout: 180_000 }, async () => {
    const f = format("incidents csv");
    const p = open(f);
    const extra = Array.from({ length: 10_000 - 2 }, (_, i) => `k${i}`);
    const header = ["Datum", "Brottstyp", ...extra].join(";");
    const row = ["2024-03-01", "Stöld", ...extra.map(() => "x")].join(";");
    const short = "2024-03-02;Stöld;x";
    const value = await ingestAndCheck(f, p, [header, row, row, short].join("\r\n"));
    const file = allReports(value as IngestResult).find((r) => r.path.endsWith(f.file))!;
    expect(file.tally).toMatchObject({ read: 3, accepted: 2, rejected: 1, rejected_by_reason: { column_count: 1 } });
  });
});
