// Area charts drawn on worker threads (issue 20): the bytes do not depend on the thread that drew them.
import { describe, expect, it } from "vitest";
import { chartSpecs } from "../../../src/render/chart-data.ts";
import { CHART_WORKER_MIN_JOBS, chartWorkerCount, drawAreaChartsInParallel } from "../../../src/render/chart-pool.ts";
import { drawAreaChart, getRenderer, releaseLiveCharts } from "../../../src/render/charts.ts";
import { AREA_SCALE, PHONE } from "../../../src/render/chart-style.ts";
import type { ChartSpec } from "../../../src/render/chart-data.ts";
import { sampleConfig, sampleIndicators } from "../../helpers/sample-indicators.ts";

describe("chartWorkerCount", () => {
  it("uses no worker for a few charts, and LAGESBILD_CHART_WORKERS when set (never more than the charts)", () => {
    expect(chartWorkerCount(CHART_WORKER_MIN_JOBS - 1, {})).toBe(0);
    expect(chartWorkerCount(5, { LAGESBILD_CHART_WORKERS: "2" })).toBe(2);
    expect(chartWorkerCount(1, { LAGESBILD_CHART_WORKERS: "4" })).toBe(1);
    expect(chartWorkerCount(500, { LAGESBILD_CHART_WORKERS: "0" })).toBe(0);
    // Not a number: the default (one per core but the main thread's).
    expect(chartWorkerCount(500, { LAGESBILD_CHART_WORKERS: "alla" })).toBeGreaterThanOrEqual(0);
  });
});

describe("drawAreaChartsInParallel", () => {
  it("gives, in spec order, the bytes the main thread draws alone", async () => {
    const areas = chartSpecs(sampleIndicators(), sampleConfig()).filter((s) => s.placement.section === "area");
    // Each area twice and in two orders, so both threads draw some of each.
    const specs: ChartSpec[] = [...areas, ...[...areas].reverse(), ...areas];
    releaseLiveCharts();
    const alone = specs.map(drawAreaChart);
    // The sample's areas differ: a mix-up of order would show.
    expect(new Set(alone.map((b) => b.toString("base64"))).size).toBe(areas.length);
    const parallel = await drawAreaChartsInParallel(specs, 2, drawAreaChart, () => getRenderer(PHONE.width, PHONE.panelHeight, PHONE.fontSize));
    expect(parallel.map((b) => b.toString("base64"))).toEqual(alone.map((b) => b.toString("base64")));
    // Drawn at AREA_SCALE: 360 CSS px wide.
    expect(parallel[0]!.readUInt32BE(16)).toBe(Math.floor(PHONE.width * AREA_SCALE));
  }, 60_000);

  it("draws on the main thread what a worker that cannot start was to draw", async () => {
    const areas = chartSpecs(sampleIndicators(), sampleConfig()).filter((s) => s.placement.section === "area");
    const alone = areas.map(drawAreaChart);
    const entry = (globalThis as { lagesbildChartWorkerEntry?: URL }).lagesbildChartWorkerEntry;
    // A worker entry that throws at once: the worker exits with an error before drawing anything.
    (globalThis as { lagesbildChartWorkerEntry?: URL }).lagesbildChartWorkerEntry = new URL("data:text/javascript,throw new Error('kaputt')");
    try {
      const failures: unknown[] = [];
      const got = await drawAreaChartsInParallel(areas, 1, drawAreaChart, () => undefined, (e) => failures.push(e));
      expect(got.map((b) => b.toString("base64"))).toEqual(alone.map((b) => b.toString("base64")));
      expect(failures).toHaveLength(1);
    } finally {
      (globalThis as { lagesbildChartWorkerEntry?: URL }).lagesbildChartWorkerEntry = entry;
    }
  }, 60_000);
});
