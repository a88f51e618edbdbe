/**
 * Reference rates and population by year through the command line (issue 18, items 1 and 2): a
 * Söderhamn project whose police export is a real-format file (Windows-1252, `;`, CRLF), reading the
 * repository's own SCB/Kolada population table and Kolada/Brå reference tables (examples/). Figures are
 * worked out by hand in the comments.
 */
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { monthRange } from "../../src/core/month.ts";
import { PROJECT_ROOT, runCli } from "../helpers/run-cli.ts";
import { tempProject } from "../helpers/temp-project.ts";

const example = (p: string) => JSON.stringify(path.join(PROJECT_ROOT, "examples", p));

const root = tempProject("lagesbild-reference-", `
kommun: { name: Söderhamn, code: "2182" }
areas: [{ id: centrum, name: Centrum }]
categories: [{ id: misshandel, name: Misshandel, group: brott-mot-person }]
sources:
  - id: polis
    kind: incidents
    measure: brott
    path: ../data/polis.csv
    columns: { occurred_at: Datum, category: Brottstyp, area: Område, count: Antal }
    categories: { Misshandel: misshandel }
    covers: { from: 2024-01, to: 2025-12 }
  - { id: befolkning, kind: population, path: ${example("befolkning/folkmangd-kommun.csv")} }
  - id: kolada
    kind: reference
    path: ${example("referens/kolada-anmalda-brott-2025.csv")}
    regions: [Gävle, "2182"]
    categories: { "Anmälda brott totalt, antal/100 000 inv": total }
  - id: bra
    kind: reference
    path: ${example("referens/bra-anmalda-brott-2010-2015.csv")}
    regions: [Söderhamn]
    categories: { Totalt: total }
    unit: per_10k
    period: year
`, {
  // 25 reported assaults in Centrum every month 2024-01..2025-12: 300 in any 12 months.
  "data/polis.csv": Buffer.from(
    ["Datum;Brottstyp;Område;Antal", ...monthRange("2024-01", "2025-12").map((m) => `${m}-15;Misshandel;Centrum;25`)].map((l) => `${l}\r\n`).join(""),
    "latin1",
  ),
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function report(month: string): { text: string; population: number } {
  const out = path.join(root, "out");
  const r = runCli(["run", "--config", path.join(root, "config", "lagesbild.yaml"), "--month", month, "--generated-at", "2026-02-01T12:00:00+01:00", "--out", out]);
  expect(r.code, r.stderr + r.stdout).toBe(0);
  const html = readFileSync(path.join(out, month, "index.html"), "utf8");
  const indicators = JSON.parse(readFileSync(path.join(out, month, "indicators.json"), "utf8")) as { areas: Array<{ population: number }> };
  return { text: html.replace(/<[^>]+>/g, " ").replace(/[\s\u00a0\u202f]+/g, " "), population: indicators.areas[0]!.population };
}

describe("reference tables and population by year, end to end", () => {
  it("2025-12: 2025's population; Kolada's 2025 rates (the table's own) beside the kommun's 12 months and Brå's 2015", () => {
    const { text, population } = report("2025-12");
    expect(population).toBe(24163); // Kolada N01951, 2025
    expect(text).toContain("Jämfört med referensdata: Gävle 2025, per 100 000 inv.");
    expect(text).toContain("Jämfört med referensdata: 2182 2025, per 100 000 inv."); // the region as configured
    expect(text).toContain("Jämfört med referensdata: Söderhamn 2015, per 100 000 inv.");
    // 300 / 24 163 · 100 000 = 1 241.57 → 1 241,6; Gävle 12 732,15161 → 12 732,2; Söderhamn 12 063,72669 → 12 063,7;
    // Brå's Söderhamn Totalt 2015 = 1 196 per 10 000 → 11 960.
    expect(text).toMatch(/Alla polisanmälda brott 25 25 0 0,0 % 300 300 300 1 241,6 12 732,2 12 063,7 11 960,0/);
    expect(text).not.toContain("Befolkningen för");
  });

  it("2025-06: Kolada's 2025 has not ended, so only Brå's 2015 is shown", () => {
    const { text } = report("2025-06");
    expect(text).not.toContain("Gävle 2025");
    expect(text).toContain("Jämfört med referensdata: Söderhamn 2015, per 100 000 inv.");
  });

  it("2024-12: no 2024 population in the table, so 2017's is used and the report says so once", () => {
    const { text, population } = report("2024-12");
    expect(population).toBe(25782); // SCB, 31 Dec 2017
    // 300 / 25 782 · 100 000 = 1 163.60 → 1 163,6.
    expect(text).toMatch(/Alla polisanmälda brott 25 uppgift saknas .* 1 163,6 11 960,0/);
    expect(text.match(/Befolkningen för 2024 saknas; 2017 års används för antal per 100 000 invånare\./g)).toHaveLength(1);
  });
});
