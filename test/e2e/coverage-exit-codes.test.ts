/**
 * Coverage from the source's span and the order of the month's checks, through the real command line
 * (issue 13; spec/indicators.md "Coverage", spec/inputs.md order of checks): a police archive that ends
 * mid-month is not delivered (exit 4, naming its last date), a month with no event in this kommun but
 * events elsewhere in the archive is covered with count 0, a month not yet delivered exits 4 whatever
 * undated rows the sources hold, and validate says the same as run.
 */
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { daysInMonth, monthRange } from "../../src/core/month.ts";
import { excel1252 } from "../fixtures/ingest/project.ts";
import { runCli } from "../helpers/run-cli.ts";
import { tempProject } from "../helpers/temp-project.ts";

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

function project(config: string, files: Record<string, string | Buffer>): string {
  const root = tempProject("lagesbild-coverage-", config, files);
  roots.push(root);
  return root;
}

const BASE = `
kommun: { name: Testby, code: "0001" }
population: 10000
areas:
  - { id: centrum, name: Centrum, population: 4000 }
categories:
  - { id: stold, name: Stöld, group: egendom }
`;

const POLICE = `${BASE}
sources:
  - id: polis
    kind: incidents
    format: polisen-events
    path: ../data/events/*.json
    categories: { Stöld: stold }
    ignore: ["*"]
`;

const SWEDISH_MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];

/** An event as the police API writes it; `day` is `YYYY-MM-DD`, the incident at 14.05 local time. */
function event(id: number, day: string, kommun: string, type = "Stöld") {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const name = `${d} ${SWEDISH_MONTHS[m - 1]} 14.05, ${type}, ${kommun}`;
  return { id, datetime: `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")} 15:10:00 +02:00`, name, summary: "Centrum, en stöld.", url: `/aktuellt/handelser/${id}/`, type, location: { name: "Testby", gps: "60.0,17.0" } };
}

/** Every day from `from` to `to` (inclusive, `YYYY-MM-DD`). */
function days(from: string, to: string): string[] {
  const out: string[] = [];
  for (const month of monthRange(from.slice(0, 7), to.slice(0, 7))) {
    for (let d = 1; d <= daysInMonth(month); d++) {
      const day = `${month}-${String(d).padStart(2, "0")}`;
      if (day >= from && day <= to) out.push(day);
    }
  }
  return out;
}

/**
 * A county archive from 1 June to 16 August 2026: a Gävle event every day; Testby events on 3, 10 and
 * 17 June and 2 and 9 August only, so July has no Testby event at all. By hand: Testby June = 3, July = 0.
 */
function archive(): string {
  let id = 1;
  const events = days("2026-06-01", "2026-08-16").map((d) => event(id++, d, "Gävle"));
  for (const d of ["2026-06-03", "2026-06-10", "2026-06-17", "2026-08-02", "2026-08-09"]) events.push(event(id++, d, "Testby"));
  return `${JSON.stringify(events, null, 2)}\n`;
}

const AT = ["--generated-at", "2026-09-02T06:00:00+02:00", "--log-format", "json"];
const run = (root: string, month: string, command = "run") => runCli([command, "--config", "config/lagesbild.yaml", "--month", month, ...AT], { cwd: root });

describe("coverage from the source's span, through the CLI", () => {
  const police = project(POLICE, { "data/events/handelser-2026.json": archive() });

  it("exits 4 for a month the archive ends in the middle of, naming its last date and covers.to", () => {
    const r = run(police, "2026-08");
    expect(r.code).toBe(4);
    const out = r.stdout + r.stderr;
    expect(out).toContain("Månaden 2026-08 täcks ännu inte av källan polis");
    expect(out).toContain("når till 16 augusti 2026");
    expect(out).toContain("covers: { to: 2026-08 }");
    expect(existsSync(path.join(police, "reports", "2026-08"))).toBe(false);
  });

  it("validate gives the same exit code and the same words", () => {
    const r = run(police, "2026-08", "validate");
    expect(r.code).toBe(4);
    expect(r.stdout).toContain("FEL: Månaden 2026-08 täcks ännu inte av källan polis (data inte levererad): källan polis når till 16 augusti 2026");
  });

  it("covers a month with no event in this kommun but events elsewhere in the archive, with count 0", () => {
    const r = run(police, "2026-07");
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const ind = JSON.parse(readFileSync(path.join(police, "reports", "2026-07", "indicators.json"), "utf8"));
    const kommun = ind.areas.find((a: { id: string }) => a.id === "kommun");
    const stold = kommun.incidents.find((e: { category: string }) => e.category === "stold");
    expect(stold.month.count).toBe(0);
    expect(stold.month.previous_month).toBe(3);
    expect(ind.sources[0].covers).toEqual({ from: "2026-06", to: "2026-07" });
  });
});

const LOG = `${BASE}
max_rejected_share: 0.01
sources:
  - id: kommunlogg
    kind: incidents
    measure: brott
    format: csv
    path: ../data/logg-*.csv
    columns: { occurred_at: Datum, category: Typ, area: Område }
    categories: { Stöld: stold }
`;

/**
 * The kommun's log as Excel saves it (Windows-1252, semicolons, CRLF): a row every day of June and July
 * 2026, three rows whose date cannot be read, and one dated in 2027 (future at the run).
 */
function log(): Buffer {
  const rows = days("2026-06-01", "2026-07-31").map((d) => `${d} 10:00;Stöld;Centrum`);
  return excel1252(["Datum;Typ;Område", ...rows, "igår;Stöld;Centrum", "32/7;Stöld;Centrum", "2026-06-31;Stöld;Centrum", "2027-01-15 10:00;Stöld;Centrum"]);
}

describe("exit 4 is decided before exit 1", () => {
  const root = project(LOG, { "data/logg-2026.csv": log() });

  it("exits 4, not 1, for a month not yet delivered, whatever undated and future rows the source holds", () => {
    const r = run(root, "2026-08");
    expect(r.code).toBe(4);
    expect(r.stdout + r.stderr).toContain("Månaden 2026-08 täcks ännu inte av källan kommunlogg");
    expect(r.stdout + r.stderr).not.toContain("avvisades");
    expect(run(root, "2026-08", "validate").code).toBe(4);
  });

  it("judges the rejected share once the month is covered: 3 undated of 31 + 3 rows is above 1 %", () => {
    // July: 31 accepted rows; the 3 undated rejections count against every report month; the 2027 row
    // (future_date) counts against none. 3 / 34 = 8,8 %.
    const r = run(root, "2026-07");
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain("3 av 34 rader för 2026-07 avvisades (8,8 %");
    expect(run(root, "2026-07", "validate").stdout).toContain("FEL: Källan kommunlogg: 3 av 34 rader för 2026-07 avvisades (8,8 %");
  });
});

describe("config typos exit 2 at lagesbild.yaml:LINE:COL", () => {
  const data = { "data/logg-2026.csv": excel1252(["Datum;Typ;Område;Antal", "2026-06-01 10:00;Stöld;Centrum;2"]) };
  // Lines counted by hand: BASE is lines 1–7 (line 1 empty), line 8 empty, 9 "sources:", 15 "    columns: …",
  // 17 the extra line. Columns: "    columns: { " is 15 characters, so the first key starts in column 16.
  const withColumns = (columns: string, extra = "") => `${BASE}
sources:
  - id: kommunlogg
    kind: incidents
    measure: brott
    format: csv
    path: ../data/logg-*.csv
    columns: ${columns}
    categories: { Stöld: stold }
${extra}`;

  it.each([
    // "occurred_at: Datum, " is 20 characters and "category: Typ, " 15: cuont starts in column 16 + 20 + 15 = 51
    ["columns: { cuont: Antal }", withColumns("{ occurred_at: Datum, category: Typ, cuont: Antal }"), "lagesbild.yaml:15:51: sources[0].columns.cuont: okänd kolumnroll cuont"],
    ["occured_at:", withColumns("{ occured_at: Datum, category: Typ }"), "lagesbild.yaml:15:16: sources[0].columns.occured_at: okänd kolumnroll occured_at"],
    ["a misspelled key anywhere", withColumns("{ occurred_at: Datum, category: Typ }", "suppression: { min_cuont: 3 }\n"), "lagesbild.yaml:17:16: suppression.min_cuont: okänd nyckel min_cuont"],
  ])("%s", (_name, config, expected) => {
    const root = project(config, data);
    const r = runCli(["run", "--config", "config/lagesbild.yaml", "--month", "2026-06", ...AT], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(expected);
    expect(existsSync(path.join(root, "reports"))).toBe(false);
  });
});

describe("output.commentary that cannot be right is a config error", () => {
  const config = (commentary: string) => `${LOG.replace("max_rejected_share: 0.01", "max_rejected_share: 0.2")}
output: { commentary: "${commentary}" }
`;
  const data = { "data/logg-2026.csv": log() };

  it("exits 2 when the pattern's folder does not exist", () => {
    const r = runCli(["run", "--config", "config/lagesbild.yaml", "--month", "2026-07", ...AT], { cwd: project(config("../data/kommentar/{month}.md"), data) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("output.commentary: mappen");
  });

  it("exits 2 when no file at all matches the pattern (a typo in the file name)", () => {
    const root = project(config("../data/kommentarer/{month}.md"), { ...data, "data/kommentarer/2026-06.markdown": "# Juni\n" });
    const r = runCli(["run", "--config", "config/lagesbild.yaml", "--month", "2026-07", ...AT], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("output.commentary: ingen fil matchar ../data/kommentarer/{month}.md");
  });

  it("allows a month without its own file when the pattern matches another month's", () => {
    const root = project(config("../data/kommentarer/{month}.md"), { ...data, "data/kommentarer/2026-06.md": "# Juni\n" });
    const r = runCli(["run", "--config", "config/lagesbild.yaml", "--month", "2026-07", "--only", "data", ...AT], { cwd: root });
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });
});
