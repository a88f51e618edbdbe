// Area charts drawn on worker threads (issue 20): the bytes do not depend on the thread that drew them.
import { describe, expect, it } from "vitest";
import { chartSpecs } from "../../../src/render/chart-data.ts";
import { CHART_WORKER_MIN_JOBS, chartWorkerCount, spawnChartWorkers, startChartJobs } from "../../../src/render/chart-pool.ts";
import { releaseLiveCharts } from "../../../src/render/charts.ts";
import { areaPanels, areaRenderer, drawAreaChart } from "../../../src/render/area-chart.ts";
import { AREA_SCALE, PHONE } from "../../../src/render/chart-style.ts";
import type { ChartSpec } from "../../../src/render/chart-data.ts";
import { sampleConfig, sampleIndicators } from "../../helpers/sample-indicators.ts";

const draw = (spec: ChartSpec) => drawAreaChart(areaPanels(spec));
const prepare = () => areaRenderer();

describe("chartWorkerCount", () => {
  it("uses no worker for a few charts, and LAGESBILD_CHART_WORKERS when set (never more than the charts)", () => {
    expect(chartWorkerCount(CHART_WORKER_MIN_JOBS - 1, {})).toBe(0);
    expect(chartWorkerCount(5, { LAGESBILD_CHART_WORKERS: "2" })).toBe(2);
    expect(chartWorkerCount(1, { LAGESBILD_CHART_WORKERS: "4" })).toBe(1);
    expect(chartWorkerCount(500, { LAGESBILD_CHART_WORKERS: "0" })).toBe(0);
  });

  it("warns about a LAGESBILD_CHART_WORKERS that is not a whole number and uses the default", () => {
    const warnings: string[] = [];
    const got = chartWorkerCount(CHART_WORKER_MIN_JOBS - 1, { LAGESBILD_CHART_WORKERS: "alla" }, (w) => warnings.push(w));
    expect(got).toBe(0); // the default for few charts
    expect(warnings).toEqual(['LAGESBILD_CHART_WORKERS="alla" är inte ett heltal ≥ 0; antalet diagramtrådar väljs automatiskt.']);
    // A valid or absent value warns about nothing.
    chartWorkerCount(5, { LAGESBILD_CHART_WORKERS: "1" }, (w) => warnings.push(w));
    chartWorkerCount(5, {}, (w) => warnings.push(w));
    expect(warnings).toHaveLength(1);
  });

  it("reports a bad value once per process, though a run asks twice (workers started ahead, then the month's)", () => {
    const warnings: string[] = [];
    chartWorkerCount(CHART_WORKER_MIN_JOBS - 1, { LAGESBILD_CHART_WORKERS: "två" }, (w) => warnings.push(w));
    chartWorkerCount(3, { LAGESBILD_CHART_WORKERS: "två" }, (w) => warnings.push(w));
    expect(warnings).toEqual(['LAGESBILD_CHART_WORKERS="två" är inte ett heltal ≥ 0; antalet diagramtrådar väljs automatiskt.']);
  });
});

describe("startChartJobs", () => {
  it("gives, in spec order, the bytes the main thread draws alone", async () => {
    const areas = chartSpecs(sampleIndicators(), sampleConfig()).filter((s) => s.placement.section === "area");
    // Each area several times and in two orders, so both threads draw some of each.
    const specs: ChartSpec[] = [...areas, ...[...areas].reverse(), ...areas, ...areas, ...[...areas].reverse()];
    releaseLiveCharts();
    const alone = specs.map(draw);
    // The sample's areas differ: a mix-up of order would show.
    expect(new Set(alone.map((b) => b.toString("base64"))).size).toBe(areas.length);
    const failures: Error[] = [];
    const jobs = startChartJobs({ specs, workers: spawnChartWorkers(2, prepare), drawHere: (i) => draw(specs[i]!), onWorkerFailed: (e) => failures.push(e) });
    // The workers draw while this thread is busy elsewhere (they take jobs from the shared counter).
    await new Promise((resolve) => setTimeout(resolve, 200));
    const parallel = await jobs.finish();
    expect(parallel.map((b) => b.toString("base64"))).toEqual(alone.map((b) => b.toString("base64")));
    expect(failures).toEqual([]);
    // Drawn at AREA_SCALE: 360 CSS px wide.
    expect(parallel[0]!.readUInt32BE(16)).toBe(Math.floor(PHONE.width * AREA_SCALE));
  }, 60_000);

  it("draws on the main thread what a worker that cannot start was to draw, and says so", async () => {
    const areas = chartSpecs(sampleIndicators(), sampleConfig()).filter((s) => s.placement.section === "area");
    const alone = areas.map(draw);
    const entry = (globalThis as { lagesbildChartWorkerEntry?: URL }).lagesbildChartWorkerEntry;
    // A worker entry that throws at once: the worker exits with an error before drawing anything.
    (globalThis as { lagesbildChartWorkerEntry?: URL }).lagesbildChartWorkerEntry = new URL("data:text/javascript,throw new Error('kaputt')");
    try {
      const failures: Error[] = [];
      const jobs = startChartJobs({ specs: areas, workers: spawnChartWorkers(1, prepare), drawHere: (i) => draw(areas[i]!), onWorkerFailed: (e) => failures.push(e) });
      const got = await jobs.finish();
      expect(got.map((b) => b.toString("base64"))).toEqual(alone.map((b) => b.toString("base64")));
      expect(failures).toHaveLength(1);
      expect(failures[0]!.message).toContain("kaputt");
    } finally {
      (globalThis as { lagesbildChartWorkerEntry?: URL }).lagesbildChartWorkerEntry = entry;
    }
  }, 60_000);
});
