/**
 * A month's area page charts (issue 20) drawn by worker threads while the month renders: the month's
 * files are byte for byte those drawn on the main thread alone, a worker that fails is logged and its
 * charts drawn anyway, and the store marks the month as drawn (so a re-run starts no worker ahead).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { renderMonthFiles, type MonthFile } from "../../../src/render/render-month.ts";
import { releaseLiveCharts } from "../../../src/render/charts.ts";
import { prestartAreaChartWorkers, stopWaitingChartWorkers, waitingChartWorkers } from "../../../src/render/area-chart-run.ts";
import { chartStoreFor } from "../../../src/render/chart-store.ts";
import { sampleConfig, sampleIndicators } from "../../helpers/sample-indicators.ts";

const config = { ...sampleConfig(), output: { ...sampleConfig().output, area_pages: true } };
const dirs: string[] = [];
const saved = process.env.LAGESBILD_CHART_WORKERS;
const savedEntry = (globalThis as { lagesbildChartWorkerEntry?: URL }).lagesbildChartWorkerEntry;
afterEach(() => {
  if (saved === undefined) delete process.env.LAGESBILD_CHART_WORKERS;
  else process.env.LAGESBILD_CHART_WORKERS = saved;
  (globalThis as { lagesbildChartWorkerEntry?: URL }).lagesbildChartWorkerEntry = savedEntry;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function month(workers: string, warnings: string[] = [], chartCacheDir?: string): Promise<MonthFile[]> {
  process.env.LAGESBILD_CHART_WORKERS = workers;
  releaseLiveCharts();
  return renderMonthFiles(sampleIndicators(), { config, notes: [], runJson: {}, warn: (_obj, message) => warnings.push(message), ...(chartCacheDir ? { chartCacheDir } : {}) });
}

const bytes = (files: MonthFile[]) => files.map((f) => [f.path, f.content.toString("base64")]);

describe("a month's area charts on worker threads", () => {
  it("give the month's files byte for byte as the main thread alone draws them, and mark the month drawn", async () => {
    const alone = await month("0");
    const cache = mkdtempSync(path.join(tmpdir(), "lagesbild-area-charts-"));
    dirs.push(cache);
    const warnings: string[] = [];
    const threaded = await month("2", warnings, cache);
    expect(bytes(threaded)).toEqual(bytes(alone));
    expect(alone.filter((f) => f.path.startsWith("omrade/charts/")).length).toBe(3);
    expect(warnings).toEqual([]);
    expect(existsSync(path.join(cache, "charts", "months", sampleIndicators().month))).toBe(true);
    // The threads that drew the charts kept them in the store as they drew them: one file per area
    // chart, each the chart's bytes, and no temporary file left.
    const stored = readdirSync(path.join(cache, "charts")).filter((n) => n !== "months");
    const areaCharts = alone.filter((f) => f.path.startsWith("omrade/charts/")).map((f) => f.content.toString("base64"));
    expect(stored.filter((n) => !/^[0-9a-f]{64}\.png$/.test(n))).toEqual([]);
    const storedBytes = stored.map((n) => readFileSync(path.join(cache, "charts", n)).toString("base64"));
    for (const png of areaCharts) expect(storedBytes).toContain(png);
  }, 60_000);

  it("log a worker that fails and still give every chart", async () => {
    const alone = await month("0");
    // A worker entry that throws at once.
    (globalThis as { lagesbildChartWorkerEntry?: URL }).lagesbildChartWorkerEntry = new URL("data:text/javascript,throw new Error('kaputt')");
    const warnings: string[] = [];
    const got = await month("1", warnings);
    expect(bytes(got)).toEqual(bytes(alone));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^En diagramtråd misslyckades \(.*kaputt.*\); huvudtråden ritar dess diagram\.$/);
  }, 60_000);
});

describe("chart workers started ahead of the month", () => {
  it("draw the month's charts when it comes, the same bytes; none start for a month drawn before", async () => {
    const alone = await month("0");
    const cache = mkdtempSync(path.join(tmpdir(), "lagesbild-area-charts-"));
    dirs.push(cache);
    const store = chartStoreFor(cache);
    const m = sampleIndicators().month;
    process.env.LAGESBILD_CHART_WORKERS = "1";
    prestartAreaChartWorkers(store, m, 3, () => undefined);
    expect(waitingChartWorkers()).toBe(1);
    const got = await month("1", [], cache);
    expect(waitingChartWorkers()).toBe(0); // taken by the month
    expect(bytes(got)).toEqual(bytes(alone));
    // The month is marked drawn: a re-run starts none ahead.
    prestartAreaChartWorkers(store, m, 3, () => undefined);
    expect(waitingChartWorkers()).toBe(0);
    // Another month would; stopped when no month takes them.
    prestartAreaChartWorkers(store, "2099-01", 3, () => undefined);
    expect(waitingChartWorkers()).toBe(1);
    await stopWaitingChartWorkers();
    expect(waitingChartWorkers()).toBe(0);
  }, 60_000);
});
