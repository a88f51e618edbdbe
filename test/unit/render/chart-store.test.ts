/**
 * Issue 20: chart PNGs kept in cache_dir between runs (chart-store.ts), and an area page's one chart.
 * The store is proven to be read, not merely consistent, by planting other valid PNG bytes under a
 * chart's key: a run that draws would not return them.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ChartConfiguration } from "chart.js";
import { afterEach, describe, expect, it } from "vitest";
import { ChartStore } from "../../../src/render/chart-store.ts";
import { drawPng, forgetDrawnCharts } from "../../../src/render/charts.ts";
import { encodeIndexedPng } from "../../../src/render/indexed-png.ts";
import { renderMonthFiles } from "../../../src/render/render-month.ts";
import { sampleConfig, sampleIndicators } from "../../helpers/sample-indicators.ts";

const chart = (values: number[]): ChartConfiguration => ({
  type: "line",
  data: { labels: ["jan", "feb", "mar"], datasets: [{ label: "Skadegörelse", data: values, borderColor: "#0b5394" }] },
  options: { plugins: { legend: { display: false } } },
});

/** A 2 × 1 PNG (one red, one blue pixel): valid, and nothing any chart draws. */
const planted = encodeIndexedPng({ width: 2, height: 1, data: Buffer.from([0, 0, 255, 255, 255, 0, 0, 255]) });

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(path.join(tmpdir(), "lagesbild-chart-store-"));
  dirs.push(d);
  return d;
}
afterEach(() => {
  forgetDrawnCharts();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const pngs = (dir: string) => readdirSync(dir).filter((n) => n.endsWith(".png"));

describe("the chart store", () => {
  it("keeps a drawn chart under its key and gives those bytes to a later run instead of drawing", async () => {
    const dir = tempDir();
    const drawn = await drawPng(chart([1, 2, 3]), undefined, new ChartStore(dir));
    expect(pngs(dir)).toHaveLength(1);
    expect(readFileSync(path.join(dir, pngs(dir)[0]!)).equals(drawn)).toBe(true);

    // A later run (nothing in memory): the stored file is what it gets.
    writeFileSync(path.join(dir, pngs(dir)[0]!), planted);
    forgetDrawnCharts();
    expect((await drawPng(chart([1, 2, 3]), undefined, new ChartStore(dir))).equals(planted)).toBe(true);
  });

  it("draws other figures anew, under a key of their own", async () => {
    const store = new ChartStore(tempDir());
    const a = await drawPng(chart([1, 2, 3]), undefined, store);
    const b = await drawPng(chart([1, 2, 4]), undefined, store);
    expect(a.equals(b)).toBe(false);
    expect(pngs(dirs.at(-1)!)).toHaveLength(2);
  });

  it("draws again, and replaces, a stored file that is cut short", async () => {
    const dir = tempDir();
    const drawn = await drawPng(chart([5, 1, 5]), undefined, new ChartStore(dir));
    const file = path.join(dir, pngs(dir)[0]!);
    writeFileSync(file, drawn.subarray(0, drawn.length - 20));
    forgetDrawnCharts();
    expect((await drawPng(chart([5, 1, 5]), undefined, new ChartStore(dir))).equals(drawn)).toBe(true);
    expect(readFileSync(file).equals(drawn)).toBe(true);
  });

  it("gives the same bytes with and without a store", async () => {
    const without = await drawPng(chart([3, 0, 7]));
    forgetDrawnCharts();
    expect((await drawPng(chart([3, 0, 7]), undefined, new ChartStore(tempDir()))).equals(without)).toBe(true);
  });

  it("prunes the files this run did not use, least recently used first, down to the bound", () => {
    const dir = tempDir();
    const name = (i: number) => `${i.toString(16).padStart(64, "0")}.png`;
    // Six files from earlier runs, file i last used at second 1000 + i.
    for (let i = 0; i < 6; i++) {
      writeFileSync(path.join(dir, name(i)), planted);
      utimesSync(path.join(dir, name(i)), 1000 + i, 1000 + i);
    }
    writeFileSync(path.join(dir, "notes.txt"), "not the store's");
    const store = new ChartStore(dir);
    store.set("a key this run used", planted);
    const used = pngs(dir).find((n) => !/^0{60}/.test(n))!;
    utimesSync(path.join(dir, used), 1, 1); // the oldest file of all, but used by this run: kept
    store.prune(4);
    // Seven files, bound 4: the three least recently used of the unused ones (0, 1, 2) go.
    expect(pngs(dir).sort()).toEqual([name(3), name(4), name(5), used].sort());
    expect(readdirSync(dir)).toContain("notes.txt");
  });
});

describe("an area page's chart", () => {
  it("is one phone drawing beside the area pages, shown at 360 CSS px at every width", async () => {
    const config = { ...sampleConfig(), output: { ...sampleConfig().output, area_pages: true } };
    const files = await renderMonthFiles(sampleIndicators(), { config, notes: [], runJson: {} });
    const paths = files.map((f) => f.path);
    expect(paths.filter((p) => p.startsWith("omrade/charts/"))).toEqual(["omrade/charts/omrade-centrum.png", "omrade/charts/omrade-ljusne.png", "omrade/charts/omrade-okant.png"]);
    // The kommun's charts keep their wide drawing and phone variant on the month page.
    expect(paths).toContain("charts/kommun-vald.png");
    expect(paths).toContain("charts/kommun-vald-mobil.png");
    const png = files.find((f) => f.path === "omrade/charts/omrade-centrum.png")!.content;
    // IHDR: 450 device pixels wide = 360 CSS px at 1.25 (chart-style.ts AREA_SCALE); the sample has one
    // measure, so one panel with the legend: 190 + 44 = 234 CSS px, floor(234 · 1.25) = 292 device pixels.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([450, 292]);
    const page = files.find((f) => f.path === "omrade/centrum.html")!.content.toString("utf8");
    expect(page).toContain('<img src="charts/omrade-centrum.png" alt="');
    expect(page).toMatch(/<img src="charts\/omrade-centrum.png" alt="[^"]+" width="360" height="234"/);
    expect(page).not.toContain("-mobil.png");
    expect(page).not.toContain("<picture>");
    // Its table once, printed open like a map's (no print-only copy).
    expect(page.split('<caption id="data-omrade-centrum">').length - 1).toBe(1);
    expect(page).toContain('<details class="chart-data map-table">');
    expect(page).not.toContain('<div class="print-only">');
  });
});
