/**
 * Area pages end to end (issue 20): a hand-made kommun with 12 areas (more than the default threshold of
 * 8) through the real CLI, on a police export in the real format (Windows-1252, `;`, CRLF, Swedish
 * headers). Checks that every area's page exists, is linked from the month page, carries the hand-worked
 * figures of one area, hides what suppression hides, is listed in the manifest, stays byte-identical
 * between runs, survives `--only data`, weighs under 300 KB with its chart, and passes axe in Chromium at
 * a phone's and a laptop's width.
 *
 * The data (report month 2024-03, min_count 3, months 2022-01..2024-03):
 * - every area: Skadegörelse 4 a month;
 * - "Västra Åby" (a03, population 2 500): Skadegörelse 3 a month, 6 in 2024-03 — the figures below;
 * - "Öster" (a05): 20 Skadegörelse in 2024-03 — an increase the summary must name and link;
 * - "Åby & <Torp>" (a07): one Misshandel in 2024-03 — a small count, shown only as "färre än 3".
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { IndicatorsSchema } from "../../src/model/indicators.ts";
import { runCli } from "../helpers/run-cli.ts";
import { tempProject } from "../helpers/temp-project.ts";

const NBSP = "\u00a0";
const AREAS = [
  ["a01", "Centrum"], ["a02", "Norr"], ["a03", "Västra Åby"], ["a04", "Söder"], ["a05", "Öster"], ["a06", "Hamnen"],
  ["a07", "Åby & <Torp>"], ["a08", "Skogen"], ["a09", "Ängen"], ["a10", "Backen"], ["a11", "Dalen"], ["a12", "Ekbacken"],
] as const;

const CONFIG = `
kommun: { name: Tolvby, code: "0012" }
population: 20000
output:
  base_url: https://www.example.se/lagesbild/
areas:
${AREAS.map(([id, name]) => `  - { id: ${id}, name: ${JSON.stringify(name)}, population: ${id === "a03" ? 2500 : 1000} }`).join("\n")}
categories:
  - { id: skadegorelse, name: Skadegörelse, group: egendom }
  - { id: misshandel, name: Misshandel, group: brott-mot-person }
sources:
  - id: polis
    kind: incidents
    measure: brott
    path: ../data/polis-*.csv
    columns: { id: Diarienummer, occurred_at: Datum, category: Brottstyp, area: Område }
    categories: { Skadegörelse: skadegorelse, Misshandel: misshandel }
    covers: { from: 2022-01, to: 2024-03 }
suppression: { min_count: 3 }
`;

function months(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; ) {
    out.push(m);
    const [y, mm] = m.split("-").map(Number) as [number, number];
    m = mm === 12 ? `${y + 1}-01` : `${y}-${String(mm + 1).padStart(2, "0")}`;
  }
  return out;
}

function skadegorelse(area: string, month: string): number {
  if (area === "a03") return month === "2024-03" ? 6 : 3;
  if (area === "a05" && month === "2024-03") return 20;
  return 4;
}

function policeCsv(): Buffer {
  const rows = ["Diarienummer;Datum;Brottstyp;Område"];
  let id = 1;
  for (const month of months("2022-01", "2024-03")) {
    for (const [area, name] of AREAS) {
      for (let i = 0; i < skadegorelse(area, month); i++) rows.push(`5000-K${id++}-${month.slice(2, 4)};${month}-${String(1 + (i % 27)).padStart(2, "0")} 12:00;Skadegörelse;${name}`);
      if (area === "a07" && month === "2024-03") rows.push(`5000-K${id++}-24;2024-03-14 22:10;Misshandel;${name}`);
    }
  }
  return Buffer.from(`${rows.join("\r\n")}\r\n`, "latin1");
}

const RUN = ["run", "--config", "config/lagesbild.yaml", "--month", "2024-03", "--generated-at", "2024-04-02T06:00:00+02:00", "--log-format", "json"];
let root: string;
let reports: string;
let month: string;
let code: number;
let stderr: string;

const read = (rel: string) => readFileSync(path.join(month, rel), "utf8");
/** The text of every cell of the table row headed `rowHead` in the table captioned `caption`. */
function rowCells(page: string, caption: string, rowHead: string): string[] {
  const table = page.split("<table").find((t) => t.includes(`>${caption}</caption>`));
  if (!table) throw new Error(`no table captioned ${caption}`);
  const row = table.split("<tr").find((r) => r.includes(`<th scope="row">${rowHead}</th>`));
  if (!row) throw new Error(`no row ${rowHead}`);
  return [...row.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, "").trim());
}

beforeAll(() => {
  root = tempProject("lagesbild-area-pages-", CONFIG, { "data/polis-2024.csv": policeCsv() });
  const run = runCli(RUN, { cwd: root });
  code = run.code;
  stderr = run.stderr;
  reports = path.join(root, "reports");
  month = path.join(reports, "2024-03");
}, 180_000);

describe("area pages for a kommun with 12 areas", () => {
  it("runs and writes one page per area, okänt område included", () => {
    expect(stderr).not.toMatch(/internt fel/);
    expect(code).toBe(0);
    const pages = readdirSync(path.join(month, "omrade")).filter((f) => f.endsWith(".html")).sort();
    expect(pages).toEqual([...AREAS.map(([id]) => `${id}.html`), "okant.html"].sort());
  });

  it("links every area's page from the month page's table of all areas, and shows no area's own table there", () => {
    const page = read("index.html");
    for (const [id] of AREAS) expect(page).toContain(`<a href="omrade/${id}.html">`);
    // Every link into omrade/ (the table's and the summary's) leads to a page that exists.
    const links = [...page.matchAll(/href="(omrade\/[^"#]+)"/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThanOrEqual(AREAS.length + 1);
    for (const rel of links) expect(existsSync(path.join(month, rel)), rel).toBe(true);
    expect(page).toContain(`<a href="omrade/okant.html">Okänt område</a>`);
    expect(page).not.toContain("Polisanmälda brott i Västra Åby");
    // The area charts are drawn once, beside the area pages, and not in the month's charts folder.
    expect(readdirSync(path.join(month, "charts")).filter((f) => f.startsWith("omrade-"))).toEqual([]);
    expect(existsSync(path.join(month, "omrade", "charts", "omrade-a03.png"))).toBe(true);
  });

  it("gives Västra Åby's figures on its page as worked out by hand", () => {
    const page = read("omrade/a03.html");
    // March 2024: 6; March 2023: 3; +3 = +100 %. Jan–Mar 2024: 3 + 3 + 6 = 12; Jan–Mar 2023: 9.
    // 12 months to March 2024: 11 · 3 + 6 = 39; per 100 000: 39 / 2 500 · 100 000 = 1 560.
    expect(rowCells(page, "Polisanmälda brott i Västra Åby, mars 2024", "Skadegörelse").slice(0, 8)).toEqual([
      "6", "3", "+3", `+100,0${NBSP}%`, "12", "9", "39", `1${NBSP}560,0`,
    ]);
    expect(page).toContain("<h1>Västra Åby <span class=\"h1-month\">Mars 2024</span></h1>");
    expect(page).toContain('<link rel="canonical" href="https://www.example.se/lagesbild/2024-03/omrade/a03.html">');
    expect(page).toContain('src="charts/omrade-a03.png"');
  });

  it("gives Västra Åby's row in the table of all areas as worked out by hand", () => {
    // The total is its Skadegörelse (no Misshandel there): 39 in the 12 months to March 2024, 1 560 per
    // 100 000; the 12 months before (April 2022 – March 2023) are 12 · 3 = 36, so +3 / 36 = +8,3 %.
    const cells = rowCells(read("index.html"), "Alla områden, mars 2024: per 100 000 invånare de senaste 12 månaderna, förändring och trend", '<a href="omrade/a03.html">Västra Åby</a>');
    expect(cells.slice(0, 2)).toEqual([`1${NBSP}560,0`, `+8,3${NBSP}%`]);
  });

  it("names and links the area with an increase in the month's summary", () => {
    const summary = read("index.html").split('<div class="summary">')[1]!.split("</div>")[0]!;
    expect(summary).toMatch(/Skadegörelse i <a href="omrade\/a05.html">Öster<\/a> ökade till 20 polisanmälda brott i mars/);
    const own = read("omrade/a05.html").split('<div class="summary">')[1]!.split("</div>")[0]!;
    expect(own).toContain("Skadegörelse i Öster ökade till 20 polisanmälda brott i mars");
  });

  it("hides the small count on its area's page exactly as indicators.json does, and escapes the area's name", () => {
    const ind = IndicatorsSchema.parse(JSON.parse(read("indicators.json")));
    const area = ind.areas.find((a) => a.id === "a07")!;
    const misshandel = area.incidents.find((e) => e.category === "misshandel")!;
    expect(misshandel.month.count).toBeNull();
    expect(misshandel.month.count_suppressed).toBe("small");
    const page = read("omrade/a07.html");
    expect(page).toContain("Åby &amp; &lt;Torp&gt;");
    expect(page).not.toContain("<Torp>");
    const caption = "Polisanmälda brott i Åby &amp; &lt;Torp&gt;, mars 2024";
    expect(rowCells(page, caption, "Misshandel")[0]).toBe("färre än 3");
    // Every month count indicators.json hides reads as hidden on the page, in the same words.
    for (const e of area.incidents) {
      if (e.month.count !== null) continue;
      const words = e.month.count_suppressed === "protects" ? "döljs" : "färre än 3";
      expect(rowCells(page, caption, e.name)[0], e.category).toBe(words);
    }
  });

  it("lists the area pages and charts in manifest.json with their hashes, and the feed only the month", () => {
    const manifest = JSON.parse(readFileSync(path.join(reports, "manifest.json"), "utf8")) as { files: Array<{ path: string; sha256: string; size: number }> };
    for (const rel of ["2024-03/omrade/a03.html", "2024-03/omrade/okant.html", "2024-03/omrade/charts/omrade-a03.png"]) {
      const entry = manifest.files.find((f) => f.path === rel);
      expect(entry, rel).toBeDefined();
      const bytes = readFileSync(path.join(reports, rel));
      expect(entry!.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
      expect(entry!.size).toBe(bytes.length);
    }
    expect(readFileSync(path.join(reports, "feed.xml"), "utf8")).not.toContain("omrade/");
  });

  it("covers every area in serie.csv", () => {
    const serie = readFileSync(path.join(reports, "serie.csv"), "utf8");
    for (const [id] of AREAS) expect(serie).toContain(`\r\n2024-03;${id};`);
  });

  it("keeps an area page with its chart under 300 KB", () => {
    for (const [id] of AREAS) {
      const bytes = statSync(path.join(month, "omrade", `${id}.html`)).size + statSync(path.join(month, "omrade", "charts", `omrade-${id}.png`)).size;
      expect(bytes, id).toBeLessThan(300 * 1024);
    }
  });

  it("writes the same bytes again, and keeps the pages through --only data", () => {
    const again = path.join(root, "again");
    const run = runCli([...RUN, "--out", again], { cwd: root });
    expect(run.code).toBe(0);
    for (const f of readdirSync(path.join(month, "omrade"), { recursive: true, withFileTypes: true })) {
      if (!f.isFile()) continue;
      const rel = path.relative(month, path.join(f.parentPath, f.name));
      expect(readFileSync(path.join(again, "2024-03", rel)).equals(readFileSync(path.join(month, rel))), rel).toBe(true);
    }
    // The data run keeps the pages and charts by linking the published files into the new folder: the
    // same inode afterwards (a copy would be a new one), the same bytes, and the manifest's hashes still true.
    const kept = ["omrade/a03.html", "omrade/charts/omrade-a03.png", "index.html"].map((rel) => path.join(again, "2024-03", rel));
    const before = kept.map((f) => ({ ino: statSync(f).ino, bytes: readFileSync(f) }));
    const data = runCli([...RUN, "--out", again, "--only", "data", "--force"], { cwd: root });
    expect(data.code).toBe(0);
    expect(kept.map((f) => statSync(f).ino)).toEqual(before.map((b) => b.ino));
    kept.forEach((f, i) => expect(readFileSync(f).equals(before[i]!.bytes), f).toBe(true));
    const manifest = readFileSync(path.join(again, "manifest.json"), "utf8");
    expect(manifest).toContain('"2024-03/omrade/a03.html"');
    const files = (JSON.parse(manifest) as { files: Array<{ path: string; sha256: string; size: number }> }).files;
    for (const f of kept) {
      const entry = files.find((e) => e.path === path.relative(again, f).split(path.sep).join("/"))!;
      expect(entry.sha256).toBe(createHash("sha256").update(readFileSync(f)).digest("hex"));
    }
    // A second run checks the manifest against the files at start-up: nothing to repair.
    const next = runCli([...RUN, "--out", again, "--only", "data"], { cwd: root });
    expect(next.code).toBe(0);
    expect(next.stderr).not.toMatch(/stämde inte/);
  }, 180_000);
});

const CHROMIUM = "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`area-pages.test.ts: ${CHROMIUM} saknas – webbläsartesterna hoppas över.`);
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

describe.skipIf(!hasChromium)("an area page and the month page in headless Chromium", () => {
  // The area page, and the month page with its table of all areas.
  const PAGES = ["omrade/a07.html", "index.html"];
  it.each(PAGES.flatMap((rel) => [390, 1280].map((width) => [rel, width] as const)))("%s at %i px: no horizontal scrolling, no axe violations, one h1", async (rel, width) => {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu"] });
    try {
      const page = await browser.newPage({ viewport: { width, height: width === 390 ? 844 : 900 } });
      await page.goto(pathToFileURL(path.join(month, rel)).href);
      await page.evaluate(() => document.querySelectorAll("details").forEach((d) => { d.open = true; }));
      // The charts are loading="lazy": the page's load event does not wait for one below the first screen, so
      // whether it had arrived was a race (it lost once in CI at 1280 px). Ask for it now and wait for it to
      // decode or fail; a broken path still ends with naturalWidth 0.
      await page.evaluate(async () => {
        const img = document.querySelector("figure img") as HTMLImageElement | null;
        if (!img) return;
        img.loading = "eager";
        await img.decode().catch(() => undefined);
      });
      const overflow = await page.evaluate(() => ({
        page: Math.max(0, document.documentElement.scrollWidth - window.innerWidth),
        wide: [...document.querySelectorAll("body *")]
          .filter((el) => !el.closest(".table-wrap") && (el.getBoundingClientRect().right > window.innerWidth + 0.5 || el.scrollWidth > el.clientWidth + 1))
          .slice(0, 5)
          .map((el) => `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className)}` : ""}`),
        h1: document.querySelectorAll("h1").length,
        chart: (document.querySelector("figure img") as HTMLImageElement | null)?.naturalWidth ?? 0,
        shown: document.querySelector("figure img")?.getBoundingClientRect().width ?? 0,
      }));
      await page.addScriptTag({ path: AXE });
      const violations = (await page.evaluate(async () => {
        const axe = (globalThis as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Array<{ id: string }> }> } }).axe;
        const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
        return result.violations.map((v) => v.id);
      })) as string[];
      // The chart loaded (naturalWidth > 0): its path from the area page is right.
      expect({ ...overflow, chart: overflow.chart > 0, shown: undefined, violations }).toEqual({ page: 0, wide: [], h1: 1, chart: true, shown: undefined, violations: [] });
      // An area page has one chart drawing, the phone one, at every width: its 450-pixel file (AREA_SCALE 1.25) is shown at
      // the 360 CSS px it was drawn for (356 in a 390 px phone's column), its 12 px text as drawn.
      if (rel.startsWith("omrade/")) {
        expect(overflow.chart).toBe(450);
        expect(overflow.shown).toBeGreaterThanOrEqual(350);
        expect(overflow.shown).toBeLessThanOrEqual(360);
      }
    } finally {
      await browser.close();
    }
  }, 60_000);

  it("takes a phone reader from the month page to an area's page in one tap", async () => {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu"] });
    try {
      const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      await page.goto(pathToFileURL(path.join(month, "index.html")).href);
      await page.getByRole("link", { name: "Västra Åby", exact: true }).first().tap();
      await page.waitForURL(/omrade\/a03\.html$/);
      expect(await page.locator("h1").innerText()).toMatch(/^Västra Åby/);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
