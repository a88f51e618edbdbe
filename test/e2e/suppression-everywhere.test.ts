/**
 * Suppression in every published file (spec/indicators.md "Suppression", spec/outputs.md): a small count
 * is planted and must appear in no output – not in indicators.json, indicators.csv, the HTML tables, the
 * charts' alt texts and tables, the archive or the feed – nor be recoverable by subtraction.
 *
 * The kommun (min_count 3, applies_to areas), report month 2024-03, history from 2023-01:
 * - Lillby (population 500): exactly 2 Misshandel in 2024-03, nothing else ever. So Lillby's month,
 *   year-to-date, 12-month and total counts are all 2 (hidden), the change against 0 last year would be
 *   +2 and the rate 2 / 500 × 100 000 = 400,0 – all must be hidden.
 * - Storby (population 9 500): 5 Misshandel and 20 Skadegörelse every month. The kommun's Misshandel
 *   (7) is visible, so Storby's 5 must be hidden too (secondary suppression), or 7 − 5 = 2 gives it away.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.ts";
import { IndicatorsFileSchema } from "../../src/model/indicators-file.ts";
import { tempProject } from "../helpers/temp-project.ts";

const CONFIG = `
kommun: { name: Provköping, code: "0002" }
population: 10000
output:
  title: Lägesbild för Provköping
  base_url: https://example.se/lagesbild/
areas:
  - { id: lillby, name: Lillby, population: 500 }
  - { id: storby, name: Storby, population: 9500 }
categories:
  - { id: skadegorelse, name: Skadegörelse, group: egendom }
  - { id: misshandel, name: Misshandel, group: brott-mot-person }
sources:
  - id: polis
    kind: incidents
    measure: brott
    path: ../data/polis-*.csv
    columns: { occurred_at: Datum, category: Brottstyp, area: Område, id: Diarienummer }
    categories: { Skadegörelse: skadegorelse, Misshandel: misshandel }
    covers: { from: 2023-01, to: 2024-03 }   # a sparse log (rows end on the 24th or 28th): declared complete
suppression: { min_count: 3, applies_to: areas }
`;

function csv(): Buffer {
  const rows = ["Diarienummer;Datum;Brottstyp;Område"];
  let id = 5000;
  for (let y = 2023; y <= 2024; y++) {
    for (let m = 1; m <= (y === 2024 ? 3 : 12); m++) {
      const month = `${y}-${String(m).padStart(2, "0")}`;
      for (let i = 0; i < 5; i++) rows.push(`${id++};${month}-0${i + 1} 20:00;Misshandel;Storby`);
      for (let i = 0; i < 20; i++) rows.push(`${id++};${month}-${String(i + 5).padStart(2, "0")} 13:00;Skadegörelse;Storby`);
    }
  }
  // The planted small count: two events in the small area in the report month.
  rows.push(`${id++};2024-03-14 23:10;Misshandel;Lillby`, `${id++};2024-03-28 02:45;Misshandel;Lillby`);
  return Buffer.from(`${rows.join("\r\n")}\r\n`, "latin1");
}

let out: string;
const read = (rel: string) => readFileSync(path.join(out, rel), "utf8");
type Entry = Record<string, unknown> & {
  category: string;
  suppressed: boolean;
  month: Record<string, unknown>;
  ytd: Record<string, unknown>;
  rolling_12m: Record<string, unknown>;
  series: Array<{ month: string; count: number | null; suppressed?: string }>;
};
let ind: { areas: Array<{ id: string; incidents: Entry[] }> };
const entry = (area: string, cat: string) => ind.areas.find((a) => a.id === area)!.incidents.find((e) => e.category === cat)!;

/** The cells of the table row whose header is `rowName`, in the HTML table captioned `caption`. */
function tableRow(htmlText: string, caption: string, rowName: string): string[] {
  const start = htmlText.indexOf(`<caption`, htmlText.indexOf(caption) - 200);
  const table = htmlText.slice(start, htmlText.indexOf("</table>", start));
  const row = table.split("<tr").find((r) => r.includes(`<th scope="row">${rowName}</th>`));
  if (!row) throw new Error(`no row ${rowName} under ${caption}`);
  return [...row.matchAll(/<td[^>]*>(.*?)<\/td>/gs)].map((m) => m[1]!.replace(/<[^>]+>/g, "").trim());
}

beforeAll(() => {
  const root = tempProject("lagesbild-suppr-", CONFIG, { "data/polis-2024.csv": csv() });
  const r = runCli(["run", "--config", "config/lagesbild.yaml", "--month", "2024-03", "--generated-at", "2024-04-02T06:00:00+02:00", "--log-format", "json"], { cwd: root });
  if (r.code !== 0) throw new Error(r.stderr);
  out = path.join(root, "reports");
  ind = IndicatorsFileSchema.parse(JSON.parse(read("2024-03/indicators.json")));
});

describe("a planted count of 2 in a small area", () => {
  it("is null and flagged in every count field of indicators.json", () => {
    const e = entry("lillby", "misshandel");
    expect([e.suppressed, e.month.count, e.month.count_suppressed, e.ytd.count, e.rolling_12m.count, e.series.at(-1)]).toEqual([
      // The band of normal variation rests on the visible zeros of March 2023's season, not on the hidden 2.
      true, null, "small", null, null, { month: "2024-03", count: null, suppressed: "small", normal_low: 0, normal_high: 2 },
    ]);
  });

  it("leaves no derived figure in indicators.json (change, percentage, rate, trend)", () => {
    const e = entry("lillby", "misshandel");
    expect([e.month.change_abs, e.month.change_pct, e.month.per_100k, e.rolling_12m.per_100k, e.trend]).toEqual([null, null, null, null, null]);
  });

  it("hides the area's total too, which equals it", () => {
    expect(entry("lillby", "total").month.count).toBeNull();
  });

  it("hides the other area's count so the kommun's 7 cannot give it away (secondary suppression)", () => {
    expect([entry("kommun", "misshandel").month.count, entry("storby", "misshandel").month.count]).toEqual([7, null]);
  });

  it("is empty, and marked ja, in its indicators.csv row", () => {
    const lines = read("2024-03/indicators.csv").replace(/^\uFEFF/, "").split("\r\n");
    const head = lines[0]!.split(";");
    const row = lines.find((l) => l.startsWith("lillby;Lillby;misshandel;"))!.split(";");
    const col = (name: string) => row[head.indexOf(name)];
    expect(["antal", "forandring", "per_100k", "hittills_i_ar", "senaste_12_man", "undertryckt"].map(col)).toEqual(["", "", "", "", "", "litet"]);
  });

  it("reads 'färre än 3' and 'döljs' in Lillby's HTML table, never 2, +2 or 400,0", () => {
    const cells = tableRow(read("2024-03/index.html"), "Polisanmälda brott i Lillby", "Misshandel");
    // month, same month last year (0), change, change %, ytd, ytd last year (0), 12 months, per 100 000, trend
    expect(cells.slice(0, 8)).toEqual(["färre än 3", "0", "döljs", "döljs", "färre än 3", "0", "färre än 3", "döljs"]);
  });

  it("is a hidden point in Lillby's chart: its alt text and its table say 'färre än 3'", () => {
    const page = read("2024-03/index.html");
    const alt = /<img src="charts\/omrade-lillby\.png" alt="([^"]*)"/.exec(page)![1]!;
    expect(alt).toContain("Alla polisanmälda brott: färre än 3 i mars 2024");
    expect(alt).not.toMatch(/(?<![\d,])2(?![\d,])/);
    const rows = tableRow(page, "Polisanmälda brott, Lillby", "mars 2024");
    // The month, its band of normal variation (from the zeros a year earlier), the same month last year.
    expect(rows).toEqual(["färre än 3", "0–2", "0"]);
  });

  it("appears in neither the archive nor the feed, which carry only the kommun's visible total (27)", () => {
    const archiveRow = /<a href="2024-03\/index\.html">Mars 2024<\/a><\/th><td>([^<]*)<\/td>\n<td class="num">([^<]*)<\/td>/.exec(read("index.html"))!;
    expect(archiveRow[1]).toBe("Polisanmälda brott");
    const archive = [archiveRow[2]];
    const summary = /<summary type="text">([^<]*)<\/summary>/.exec(read("feed.xml"))![1]!;
    expect([archive[0], summary.startsWith("Polisanmälda brott: 27 i hela kommunen")]).toEqual(["27", true]);
  });
});
