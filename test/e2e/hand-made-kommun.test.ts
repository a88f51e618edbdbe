/**
 * End to end on a tiny hand-made kommun whose figures are worked out by hand below: the CLI runs on
 * real-format files (Windows-1252, semicolons, CRLF, Swedish headers) and indicators.json must hold
 * exactly those numbers.
 *
 * The data (police export, report month 2024-03, population: kommun 10 000, Centrum 2 000, Norr 8 000):
 * - Skadegörelse in Centrum: 2023-01 = 1, 2023-02 = 1, then 2 every month 2023-03..2024-02, 2024-03 = 10.
 * - Misshandel in Norr: 1 every month 2023-01..2024-02, 2024-03 = 2 (one of them "Misshandel, grov").
 * - Noise rows: one "Trafikolycka" (ignored: ignore list), one bad date (rejected, undated), one
 *   "Vapenbrott" in 2023-05 (rejected: unknown category), one Skadegörelse at "Storgatan 5" in 2023-07
 *   (accepted under okänt område), one blank ";;;;" row (ignored) and a trailing "Summa" row (ignored).
 */
import { readFileSync, existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.ts";
import { tempProject } from "../helpers/temp-project.ts";

const CONFIG = `
kommun: { name: Testby, code: "0001" }
population: 10000
max_rejected_share: 0.2
areas:
  - { id: centrum, name: Centrum, population: 2000, aliases: [Torget] }
  - { id: norr, name: Norr, population: 8000 }
categories:
  - { id: skadegorelse, name: Skadegörelse, group: egendom }
  - { id: misshandel, name: "Misshandel <script>alert(1)</script>", group: brott-mot-person }
sources:
  - id: polis
    kind: incidents
    measure: brott
    path: ../data/polis-*.csv
    columns: { occurred_at: Datum, category: Brottstyp, area: Område, id: Diarienummer }
    categories: { Skadegörelse: skadegorelse, Misshandel: misshandel, "Misshandel, grov": misshandel }
    ignore: [Trafikolycka]
    covers: { from: 2023-01, to: 2024-03 }   # a sparse hand-made log (no row after the 10th–19th): declared complete
suppression: { min_count: 0 }
`;

function months(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split("-").map(Number) as [number, number];
  const [ty, tm] = to.split("-").map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, "0")}`);
    m++;
    if (m === 13) { m = 1; y++; }
  }
  return out;
}

function buildCsv(): Buffer {
  const rows: string[] = ["Diarienummer;Datum;Brottstyp;Område;Plats"];
  let id = 1000;
  const add = (date: string, label: string, area: string) => rows.push(`${id++};${date};${label};${area};`);
  for (const month of months("2023-01", "2024-03")) {
    const skad = month === "2024-03" ? 10 : month < "2023-03" ? 1 : 2;
    for (let i = 0; i < skad; i++) add(`${month}-${String(10 + i).padStart(2, "0")} 12:00`, "Skadegörelse", "Torget");
    if (month === "2024-03") {
      add(`${month}-05 21:40`, "Misshandel", "Norr");
      add(`${month}-06 01:15`, "Misshandel, grov", "norr");
    } else add(`${month}-05 21:40`, "Misshandel", "Norr");
  }
  add("2023-04-01 08:00", "Trafikolycka", "Norr");
  add("2023-13-01 08:00", "Skadegörelse", "Centrum");
  add("2023-05-02 08:00", "Vapenbrott", "Norr");
  add("2023-07-02 08:00", "Skadegörelse", "Storgatan 5");
  rows.push(";;;;");
  rows.push("Summa;;;;");
  // Windows-1252 bytes (what Excel's "CSV" writes on Swedish Windows), CRLF line ends.
  return Buffer.from(`${rows.join("\r\n")}\r\n`, "latin1");
}

let root: string;
let run: ReturnType<typeof runCli>;
type Entry = { category: string; month: Record<string, unknown>; ytd: Record<string, unknown>; rolling_12m: Record<string, unknown>; trend: Record<string, unknown> | null; series: Array<{ month: string; count: number | null }> };
let ind: { areas: Array<{ id: string; incidents: Entry[] }>; sources: Array<{ files: Array<Record<string, unknown>> }> };
const entry = (area: string, category: string) => ind.areas.find((a) => a.id === area)!.incidents.find((e) => e.category === category)!;

beforeAll(() => {
  root = tempProject("lagesbild-hand-", CONFIG, { "data/polis-2024.csv": buildCsv() });
  run = runCli(["run", "--config", "config/lagesbild.yaml", "--month", "2024-03", "--generated-at", "2024-04-02T06:00:00+02:00", "--log-format", "json"], { cwd: root });
  ind = JSON.parse(readFileSync(path.join(root, "reports", "2024-03", "indicators.json"), "utf8"));
});

describe("a hand-made kommun, end to end", () => {
  it("exits 0 and writes the month's folder", () => {
    expect(run.stderr).not.toMatch(/internt fel/);
    expect(run.code).toBe(0);
    for (const f of ["index.html", "indicators.json", "indicators.csv", "run.json"]) {
      expect(existsSync(path.join(root, "reports", "2024-03", f))).toBe(true);
    }
    expect(existsSync(path.join(root, "reports", "index.html"))).toBe(true);
    expect(existsSync(path.join(root, "reports", "manifest.json"))).toBe(true);
  });

  it("accounts for every row: read = accepted + ignored + rejected", () => {
    const f = ind.sources[0]!.files[0]!;
    // 15 months: skadegörelse 1+1+12*2+10 = 36, misshandel 14+2 = 16, + 4 noise rows + blank + Summa.
    expect(f.rows_read).toBe(36 + 16 + 4 + 2);
    expect(f.rows_accepted).toBe(36 + 16 + 1); // + Storgatan 5 under okänt område
    expect(f.rows_ignored).toBe(3); // Trafikolycka, blank, Summa
    expect(f.rows_rejected).toBe(2); // bad date, Vapenbrott
    expect(f.ignored_by_reason).toEqual({ blank: 1, ignore_list: 1, total_row: 1 });
    expect(f.rejected_by_reason).toEqual({ bad_date: 1, "unknown_category:Vapenbrott": 1 });
    expect(f.path).toBe("data/polis-2024.csv");
  });

  it("computes the month figures for Skadegörelse in Centrum by hand", () => {
    const e = entry("centrum", "skadegorelse");
    // N(2024-03) = 10, N(2024-02) = 2, N(2023-03) = 2; change 8 = 400 %; 10 / 2 000 · 100 000 = 500.
    expect(e.month).toEqual({ count: 10, previous_month: 2, same_month_last_year: 2, change_abs: 8, change_pct: 400, per_100k: 500 });
    // Jan–Mar 2024: 2 + 2 + 10 = 14; Jan–Mar 2023: 1 + 1 + 2 = 4; +10 = +250 %.
    expect(e.ytd).toEqual({ count: 14, last_year: 4, change_abs: 10, change_pct: 250 });
    // 2023-04..2024-03: 11 · 2 + 10 = 32; the 12 months before reach back to 2022-04, before the source
    // covers anything, so they are unavailable (null), not zero.
    expect(e.rolling_12m).toEqual({ count: 32, previous: null, change_abs: null, change_pct: null, per_100k: 1600 });
    // The baseline is Feb–Apr 2023 (J = 1; 2022 is not covered): S = 1 + 2 + 2 = 5, mean 1.67. Exposure
    // 31 / (31 + 28 + 31 + 30) = 31/120; n = 15: P(X ≥ 10) = 0.0010511 (exact rational sum), p = 0.002102.
    // The areas' family holds Centrum skadegörelse and total (the same counts: Centrum has no misshandel)
    // and Norr misshandel and total (p 0.7695, below); Centrum misshandel and Norr skadegörelse have
    // x + S = 0 and stay out. BH: q = min(0.7695, 0.002102 · 4/2) = 0.004204. 10 − 1.67 ≥ 3: an increase.
    expect(e.trend).toEqual({ verdict: "increase", p_value: 0.002102, q_value: 0.004204, baseline_mean: 1.67, baseline_years: 1 });
    expect(e.series).toHaveLength(24);
    expect(e.series[0]).toMatchObject({ month: "2022-04", count: null });
    expect(e.series[8]).toMatchObject({ month: "2022-12", count: null });
    expect(e.series[9]).toMatchObject({ month: "2023-01", count: 1 });
    expect(e.series[23]).toMatchObject({ month: "2024-03", count: 10 });
  });

  it("keeps a change within noise as normal, with the p-value of the exact binomial test", () => {
    const e = entry("norr", "misshandel");
    expect(e.month).toMatchObject({ count: 2, same_month_last_year: 1, change_abs: 1, change_pct: 100, per_100k: 25 });
    // x = 2, S = 3 (Feb–Apr 2023), n = 5, p = 31/120: P(X ≥ 2) = 1 − (89/120)^5 − 5·(31/120)·(89/120)^4
    // = 0.38476…, so p_value = 2 · 0.38476 = 0.7695; BH: q = min(0.7695, 0.7695 · 4/3) = 0.7695.
    expect(e.trend).toEqual({ verdict: "normal", p_value: 0.7695, q_value: 0.7695, baseline_mean: 1, baseline_years: 1 });
  });

  it("sums every area into the kommun, with okänt område for the unknown place", () => {
    const k = entry("kommun", "skadegorelse");
    expect(k.month.count).toBe(10);
    // 2023-07: 2 in Centrum + 1 at "Storgatan 5" (okänt område)
    expect(k.series.find((p) => p.month === "2023-07")!.count).toBe(3);
    expect(entry("okant", "skadegorelse").series.find((p) => p.month === "2023-07")!.count).toBe(1);
    const total = entry("kommun", "total");
    expect(total.month.count).toBe(12);
    // total per 100 000: 12 / 10 000 · 100 000 = 120
    expect(total.month.per_100k).toBe(120);
  });

  it("explains each rejected row as file:line: reason in the run summary", () => {
    // line 1 is the header; 52 data rows, then Trafikolycka (54), the bad date (55), Vapenbrott (56)
    expect(run.stdout).toMatch(/data\/polis-2024\.csv:55: bad_date/);
    expect(run.stdout).toMatch(/data\/polis-2024\.csv:56: unknown_category:Vapenbrott/);
    expect(run.stdout).toMatch(/sources\[0\]\.categories/);
  });

  it("shows a <script> in a config label as text", () => {
    const html = readFileSync(path.join(root, "reports", "2024-03", "index.html"), "utf8");
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("never publishes the free-text place of a row", () => {
    const dir = path.join(root, "reports");
    const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
    for (const file of walk(dir)) expect(readFileSync(file, "latin1"), file).not.toContain("Storgatan");
  });
});
