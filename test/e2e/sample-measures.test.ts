/**
 * The sample kommun's published month, built through the real CLI, never adds different measures and
 * says "anmäld" only of police-reported crimes (spec/cli.md "Measures"; issue 13). The sample has two
 * measures: the police export (brott) and the kommun's own log (handelser). Every check reads the
 * generated files — HTML report, indicators.csv, feed.xml and the archive page — and the totals are
 * checked against the CSV's own category rows summed here, per measure.
 */
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSampleReport, SAMPLE_MONTH } from "../helpers/sample-report.ts";

let out = "";
const read = (rel: string) => readFileSync(path.join(out, rel), "utf8");
const text = (markup: string) => markup.replace(/<[^>]+>/g, " ").replace(/&nbsp;|\u00a0/g, " ").replace(/\s+/g, " ");

interface CsvRow {
  area: string;
  category: string;
  name: string;
  count: number | null;
  measure: string;
}

function csvRows(): CsvRow[] {
  const lines = read(`${SAMPLE_MONTH}/indicators.csv`).replace(/^\ufeff/, "").split("\r\n").filter(Boolean);
  const head = lines[0]!.split(";");
  const col = (name: string) => head.indexOf(name);
  // The sample's names hold no ';' or quotes, so a plain split is exact here.
  return lines.slice(1).map((l) => {
    const c = l.split(";");
    return { area: c[col("omrade_id")]!, category: c[col("kategori_id")]!, name: c[col("kategori")]!, count: c[col("antal")] === "" ? null : Number(c[col("antal")]), measure: c[col("matt")]! };
  });
}

beforeAll(() => {
  out = buildSampleReport("lagesbild-measures-");
}, 240_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Every word containing "anmäl" must be "polisanmäl…" or stand in a sentence about brott. */
function anmaldOutsideBrott(plain: string): string[] {
  const bad: string[] = [];
  for (const m of plain.matchAll(/[\p{L}-]*anmäl[\p{L}]*/giu)) {
    if (/^polisanmäl/i.test(m[0])) continue;
    const start = Math.max(plain.lastIndexOf(".", m.index) + 1, m.index - 200);
    const end = plain.indexOf(".", m.index);
    const sentence = plain.slice(start, end < 0 ? undefined : end);
    if (!/brott/i.test(sentence)) bad.push(sentence.trim());
  }
  return bad;
}

describe("the sample's published month, two measures", () => {
  it("publishes one total per measure in indicators.json, after the categories, every entry with its measure", () => {
    const ind = JSON.parse(read(`${SAMPLE_MONTH}/indicators.json`));
    for (const area of ind.areas) {
      const ids = area.incidents.map((e: { category: string }) => e.category);
      expect(ids.slice(-2)).toEqual(["total:brott", "total:handelser"]);
      expect(ids).not.toContain("total");
      for (const e of area.incidents) expect(["brott", "handelser"]).toContain(e.measure);
    }
  });

  it("has a matt column, one row per total, and each kommun total is the sum of its own measure's rows only", () => {
    const rows = csvRows();
    const kommun = rows.filter((r) => r.area === "kommun");
    const total = (m: string) => kommun.find((r) => r.category === `total:${m}`)!.count!;
    const sum = (m: string) => kommun.filter((r) => r.measure === m && !r.category.startsWith("total")).reduce((s, r) => s + r.count!, 0);
    expect(kommun.filter((r) => r.category.startsWith("total")).map((r) => [r.category, r.measure])).toEqual([
      ["total:brott", "brott"],
      ["total:handelser", "handelser"],
    ]);
    expect(total("brott")).toBe(sum("brott"));
    expect(total("handelser")).toBe(sum("handelser"));
    expect(sum("brott")).toBeGreaterThan(0);
    expect(sum("handelser")).toBeGreaterThan(0);
    // The kommun's own categories (skadegörelse på kommunens egendom, klotter, …) are handelser.
    expect(kommun.find((r) => r.category === "klotter")!.measure).toBe("handelser");
    expect(kommun.find((r) => r.category === "skadegorelse")!.measure).toBe("brott");
  });

  describe("never a sum across measures", () => {
    const kommunTotals = () => {
      const rows = csvRows().filter((r) => r.area === "kommun");
      const brott = rows.find((r) => r.category === "total:brott")!.count!;
      const handelser = rows.find((r) => r.category === "total:handelser")!.count!;
      return { brott, handelser, mixed: String(brott + handelser) };
    };

    it("in the summary: one sentence per measure, with its own total, and no grand total", () => {
      const { brott, handelser, mixed } = kommunTotals();
      const page = read(`${SAMPLE_MONTH}/index.html`);
      const summary = text(page.slice(page.indexOf('id="sammanfattning"'), page.indexOf('id="hela-kommunen"')));
      expect(summary).toContain(`I hela kommunen polisanmäldes ${brott} brott i oktober 2026`);
      expect(summary).toContain(`I hela kommunen rapporterade kommunen och andra aktörer ${handelser} händelser i oktober 2026`);
      expect(summary).not.toMatch(new RegExp(`\\b${mixed}\\b`));
      expect(summary).not.toContain("anmäldes totalt");
    });

    it("in the feed: each measure its own sentence, none with the sum", () => {
      const { brott, handelser, mixed } = kommunTotals();
      const summary = /<summary type="text">([^<]*)<\/summary>/.exec(read("feed.xml"))![1]!;
      expect(summary).toMatch(new RegExp(`^Polisanmälda brott: ${brott} i hela kommunen`));
      expect(summary).toContain(`Rapporterade händelser: ${handelser} i hela kommunen`);
      expect(summary).not.toMatch(new RegExp(`\\b${mixed}\\b`));
    });

    it("in the archive: a row per measure under the month, none with the sum", () => {
      const { brott, handelser, mixed } = kommunTotals();
      const archive = read("index.html");
      const body = archive.slice(archive.indexOf("<tbody>"), archive.indexOf("</table>"));
      expect(text(body)).toContain(`Polisanmälda brott ${brott}`);
      expect(text(body)).toContain(`Rapporterade händelser ${handelser}`);
      expect(body).not.toMatch(new RegExp(`>${mixed}<`));
    });

    it("in the tables: one per measure and area, each with the one total of its caption's measure", () => {
      const page = read(`${SAMPLE_MONTH}/index.html`);
      const tables = [...page.matchAll(/<table class="figures">\n<caption id="tabell-[^"]+">([^<]*)<\/caption>([\s\S]*?)<\/table>/g)];
      expect(tables.length).toBe(2 * 7); // kommun, five areas and okänt område, two measures each
      for (const [, caption, body] of tables) {
        const totals = [...body!.matchAll(/<tr class="total">\n<th scope="row">([^<]*)<\/th>/g)].map((m) => m[1]);
        if (caption!.startsWith("Polisanmälda brott")) expect(totals).toEqual(["Alla polisanmälda brott"]);
        else {
          expect(caption).toMatch(/^Rapporterade händelser/);
          expect(totals).toEqual(["Alla rapporterade händelser"]);
          // A table of the kommun's reports says nothing of reported crimes.
          expect(body).not.toMatch(/anmäl/i);
        }
      }
    });

    it("in the charts and maps: a group spanning both measures gets one chart and one map per measure", () => {
      const page = read(`${SAMPLE_MONTH}/index.html`);
      expect(page).toContain('src="charts/kommun-offentlig-miljo-brott.png"');
      expect(page).toContain('src="charts/kommun-offentlig-miljo-handelser.png"');
      expect(page).not.toContain('src="charts/kommun-offentlig-miljo.png"');
      expect(page).toContain('id="karta-offentlig-miljo-brott-titel"');
      expect(page).toContain('id="karta-offentlig-miljo-handelser-titel"');
      expect(page).toContain('id="karta-trend-brott-titel"');
      expect(page).toContain('id="karta-trend-handelser-titel"');
      // An area's chart draws each measure's total as its own line and says they are not added.
      const alt = /<img src="charts\/omrade-centrum\.png" alt="([^"]*)"/.exec(page)![1]!;
      expect(alt).toContain("Alla polisanmälda brott:");
      expect(alt).toContain("Alla rapporterade händelser:");
      expect(alt).toContain("de läggs aldrig ihop");
      // Every chart caption names what its lines count.
      for (const [, caption] of page.matchAll(/<figcaption>([^<]*)<\/figcaption>/g)) {
        if (/per månad/.test(caption!)) expect(caption).toMatch(/polisanmälda brott|rapporterade händelser/);
      }
    });
  });

  it("says 'anmäld' only of police-reported crimes, in the report, the archive, the feed and the CSV", () => {
    const files = [`${SAMPLE_MONTH}/index.html`, "index.html", "feed.xml", `${SAMPLE_MONTH}/indicators.csv`];
    for (const f of files) expect([f, anmaldOutsideBrott(text(read(f)))]).toEqual([f, []]);
    // The old generic wording is gone everywhere.
    for (const f of files) expect(read(f)).not.toMatch(/anmälda händelser|anmäld händelse/i);
  });

  it("defines each measure in Begrepp and why they are never added", () => {
    const page = text(read(`${SAMPLE_MONTH}/index.html`));
    expect(page).toContain("Polisanmälda brott Brott som anmälts till polisen");
    expect(page).toContain("Rapporterade händelser Händelser som kommunen och andra aktörer");
    expect(page).toContain("Olika slags uppgifter läggs inte ihop");
    expect(page).not.toContain("Polisens händelsenotiser Händelser som polisen publicerat"); // not used by the sample
  });
});
