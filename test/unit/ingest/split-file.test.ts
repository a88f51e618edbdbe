/**
 * Large files read in byte ranges on several threads (split-file.ts, merge-file-ranges.ts) must give
 * exactly what one read gives: counts, row accounting, problems with their physical lines, and the
 * quarantine byte for byte (issue 7, spec/inputs.md row rules).
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ingestSources } from "../../../src/ingest/ingest-sources.ts";
import { readIncidentFile } from "../../../src/ingest/_fast/read-incident-file.ts";
import { planRanges } from "../../../src/ingest/_fast/split-file.ts";
import type { IncidentSourceConfig } from "../../../src/config/schema.ts";
import { excel1252, makeProject, NOW, type TestProject, plain } from "../../fixtures/ingest/project.ts";

let project: TestProject | null = null;
afterEach(() => {
  project?.cleanup();
  project = null;
});

const HEADER = "Datum;Brottstyp;Område;Diarienummer;Antal;Plats";
/** Quoted places with the delimiter, an escaped quote and a line break in them: cuts must fall outside. */
const place = (i: number) => (i % 5 === 2 ? `;"Storgatan ${i};\nport ""B"""` : i % 5 === 3 ? `;"Torget"` : ";");
const LABELS = ["Skadegörelse", "Misshandel", "Stöld", "Rån", "Trafikolycka"];
const PLACES = ["Centrum", "Ljusne", "Stenstan", "Okänd plats", ""];

/** Row i of a deterministic export with every kind of row the readers judge (line i + 2 of the file). */
function row(i: number, idOf: (i: number) => string = (k) => `K${k}-24`): string {
  if (i % 97 === 13) return ""; // an empty line: not a row
  if (i % 89 === 7) return `2024-02-30 10:00;Stöld;Centrum;${idOf(i)};1;`; // bad_date
  if (i % 83 === 5) return `2023-03-01 10:00;Stöld;Centrum;${idOf(i)};två;`; // bad_number:count
  if (i % 71 === 3) return `2023-03-02 10:00;Stöld;Centrum;${idOf(i - 1)};1;`; // the previous row's id: duplicate_id
  const day = String(1 + (i % 28)).padStart(2, "0");
  const month = String(1 + (i % 12)).padStart(2, "0");
  return `2023-${month}-${day} ${String(i % 24).padStart(2, "0")}:15;${LABELS[i % 5]};${PLACES[(i >> 1) % 5]};${idOf(i)};${1 + (i % 3)}${place(i)}`;
}

const lines = (n: number, idOf?: (i: number) => string) => [HEADER, ...Array.from({ length: n }, (_, i) => row(i, idOf))];
const one = { LAGESBILD_WORKERS: "0" };
const split = { LAGESBILD_WORKERS: "2", LAGESBILD_SPLIT_BYTES: "2000" };

async function bothWays(file: Buffer) {
  project = makeProject();
  project.write("polis-a.csv", file);
  const a = await ingestSources(project.config, { now: NOW, quarantine: true, env: one });
  const qa = project.read("var/rejected/polis.csv");
  const logs: Array<Record<string, unknown>> = [];
  const b = await ingestSources(project.config, { now: NOW, quarantine: true, env: split, log: (_l, _m, obj) => logs.push(obj ?? {}) });
  const splits = logs.filter((o) => o.ranges !== undefined);
  return { one: a, split: b, quarantines: [qa, project.read("var/rejected/polis.csv")], splits };
}

describe("reading a file in byte ranges", () => {
  it("cuts a quote-free file at line starts, with each range's first line counted", () => {
    project = makeProject();
    const text = ["A;B", "1;x", "22;yy", "333;zzz", "4444;wwww"].join("\r\n") + "\r\n"; // lines of 5, 5, 7, 9, 11 bytes
    const file = project.write("plain.csv", Buffer.from(text, "latin1"));
    // Cuts at 37/3 = 12 and 24: the first line starts at or after them are bytes 17 (line 4) and 26 (line 5).
    expect(planRanges(file, text.length, "windows-1252", 3)).toEqual([
      { start: 0, end: 17, firstLine: 1, headerEnd: 5 },
      { start: 17, end: 26, firstLine: 4, headerEnd: 5 },
      { start: 26, end: 37, firstLine: 5, headerEnd: 5 },
    ]);
  });

  it("cuts only outside quotes, and counts a line break inside a quoted field as a line", () => {
    project = makeProject();
    // Bytes: header 0–3, "1;\"x\ny\"\n" 4–11 (lines 2–3), "2;\"a\"\"b\"\n" 12–20 (line 4), "3;z\n" 21–24, "4;w\n" 25–28.
    const text = 'A;B\n1;"x\ny"\n2;"a""b"\n3;z\n4;w\n';
    const file = project.write("q.csv", Buffer.from(text));
    // Cut targets 29/3 = 9 and 19: 9 is inside the quoted field, so the first cut is after it, at 12.
    expect(planRanges(file, text.length, "utf-8", 3)).toEqual([
      { start: 0, end: 12, firstLine: 1, headerEnd: 4 },
      { start: 12, end: 21, firstLine: 4, headerEnd: 4 },
      { start: 21, end: 29, firstLine: 5, headerEnd: 4 },
    ]);
  });

  it("does not cut a file holding a quote inside a field, a lone CR, mixed line ends or UTF-16", () => {
    project = makeProject();
    const inch = project.write("inch.csv", Buffer.from('A;B\n1;5" tum\n2;y\n3;z\n4;w\n5;v\n'));
    expect(planRanges(inch, 30, "utf-8", 3)).toBeNull();
    const loneCr = project.write("cr.csv", Buffer.from("A;B\n1;x\r2;y\n3;z\n4;w\n5;v\n"));
    expect(planRanges(loneCr, 24, "utf-8", 3)).toBeNull();
    const mixed = project.write("mixed.csv", Buffer.from("A;B\r\n1;x\n2;y\r\n3;z\r\n4;w\r\n5;v\r\n"));
    expect(planRanges(mixed, 29, "utf-8", 3)).toBeNull();
    expect(planRanges(loneCr, 24, "utf-16le", 3)).toBeNull();
  });

  it("gives a later range's problems their physical line in the file", async () => {
    project = makeProject();
    const text = excel1252([HEADER, "2024-03-01 10:00;Stöld;Centrum;A1;1;", "2024-03-02 10:00;Stöld;Centrum;A2;1;", "", "2024-13-01 10:00;Stöld;Centrum;A3;1;"]);
    const file = project.write("polis-a.csv", text);
    const [, second] = planRanges(file, text.length, "windows-1252", 2)!;
    const source = project.config.sources[0] as IncidentSourceConfig;
    const task = { absolute: file, path: "data/polis-a.csv", sha256: "0".repeat(64), encoding: "windows-1252" as const, badBytes: null, quarantinePart: null, range: second };
    const agg = await readIncidentFile(project.config, source, task, NOW);
    // By hand: the header is line 1, the bad month (2024-13) is on line 5, after the empty line 4.
    expect(agg.report.problems.map((p) => [p.line, p.reason])).toEqual([[5, "bad_date"]]);
    expect(agg.report.tally.read).toBe(agg.report.tally.rejected + agg.report.tally.accepted);
  });

  it("gives the same result and quarantine as one read, for a file with every kind of row", async () => {
    const { one: a, split: b, quarantines, splits } = await bothWays(excel1252(lines(3000)));
    expect(splits).toEqual([{ file: "data/polis-a.csv", ranges: 4, reread: 0 }]); // ~100 kB over 2 threads × 2
    expect(plain(b)).toEqual(plain(a));
    expect(quarantines[1]).toBe(quarantines[0]);
    const tally = a.incidents[0]!.files[0]!.tally;
    // Independent count: 3000 rows minus empty lines (i % 97 == 13: 31 of them).
    expect(tally.read).toBe(3000 - 31);
    expect(tally.rejected_by_reason.duplicate_id).toBeGreaterThan(0);
  });

  it("reads the file whole when the scan meets a quote inside a field after ranges were already sent", async () => {
    // Row 2900 is past the last cut (~3/4 of the file): three ranges are on their way when the scan gives up.
    const file = excel1252(lines(3000).map((l, i) => (i === 2901 ? l.replace(/;$/, ';5" tum') : l)));
    const { one: a, split: b, quarantines, splits } = await bothWays(file);
    expect(splits).toEqual([]); // no split result was used
    expect(plain(b)).toEqual(plain(a));
    expect(quarantines[1]).toBe(quarantines[0]);
    expect(project!.read("data/polis-a.csv")).toContain('5" tum');
    const parts = path.join(project!.root, "var/rejected/.parts");
    expect(existsSync(parts) ? readdirSync(parts) : []).toEqual([]); // the dropped ranges' parts are gone
  });

  it("reads a range again when it repeats an id of an earlier range, and still agrees with one read", async () => {
    // Row 2900 repeats the id of row 10: far apart, so in different ranges.
    const { one: a, split: b, quarantines, splits } = await bothWays(excel1252(lines(3000, (i) => (i === 2900 ? "K10-24" : `K${i}-24`))));
    expect(splits).toEqual([{ file: "data/polis-a.csv", ranges: 4, reread: 1 }]);
    expect(plain(b)).toEqual(plain(a));
    expect(quarantines[1]).toBe(quarantines[0]);
    // Row 2900's line: 1 header + 2900 rows before it + one extra line per quoted place with a line break
    // (i % 5 == 2 for a normal row below 2900) — counted here independently of the reader.
    const breaksBefore = Array.from({ length: 2900 }, (_, i) => row(i)).filter((r) => r.includes("\n")).length;
    expect(quarantines[0]).toContain(`;${2902 + breaksBefore};duplicate_id;`);
  });
});
