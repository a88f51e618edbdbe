/**
 * A month's area page charts (issue 20), started before the rest of the month is rendered and collected
 * at the end: each chart's layout is known at once (the pages are written from it), charts drawn by an
 * earlier run come from the store (chart-store.ts), and the others are drawn by worker threads while this
 * thread renders the month's pages and data files (chart-pool.ts), then by this thread too.
 */
import { at, InvariantError } from "../core/checked.ts";
import type { ChartSpec } from "./chart-data.ts";
import { areaChartKey, areaChartLayout, areaPanels, areaRenderer, drawAreaChart, type AreaPanels } from "./area-chart.ts";
import type { Worker } from "node:worker_threads";
import { chartWorkerCount, spawnChartWorkers, startChartJobs, type ChartJobs } from "./chart-pool.ts";
import { type ChartStore, writeStoreFile } from "./chart-store.ts";
import type { ChartImage, ChartLayout } from "./charts.ts";

export interface AreaCharts {
  /** Each area chart's layout, in spec order. */
  layouts: ChartLayout[];
  /** Every area chart with its bytes, in spec order (this thread draws what is left). */
  finish(): Promise<ChartImage[]>;
  /** Stops the drawing (when the month fails before finish). */
  close(): Promise<void>;
}

/** Workers started ahead by prestartAreaChartWorkers, waiting for the month's charts (unref'd: they never keep the process alive). */
let waiting: Worker[] = [];

/** The marker that a month's area charts were drawn into the store: `<store>/months/<YYYY-MM>`. */
const drawnMarker = (month: string) => `months/${month}`;

/**
 * Starts the chart workers before the run reads its sources, when the month is likely to draw its area
 * charts: a month whose charts were never drawn into this cache (a new month, or a cleared cache). A
 * re-run of a month drawn before finds its charts in the store and starts no worker ahead: if its figures
 * changed after all, startAreaCharts starts them then, as it would have anyway. `areas` estimates the
 * charts (one per area and Okänt område).
 */
export function prestartAreaChartWorkers(store: ChartStore, month: string, areas: number, warn: (obj: object, message: string) => void): void {
  if (waiting.length > 0 || store.marked(drawnMarker(month))) return;
  const count = chartWorkerCount(areas + 1, process.env, (message) => warn({}, message));
  waiting = spawnChartWorkers(count, prepareHere);
  for (const w of waiting) w.unref();
}

/** Stops workers started ahead that no month took (a month that failed, or was skipped as unchanged). */
export async function stopWaitingChartWorkers(): Promise<void> {
  const idle = waiting.splice(0);
  await Promise.all(idle.map((w) => w.terminate()));
}

/** How many workers started ahead are waiting (for tests). */
export function waitingChartWorkers(): number {
  return waiting.length;
}

/** node-canvas and the plots' renderer on this thread (before any worker starts: chart-pool.ts). */
const prepareHere = () => void areaRenderer();

export function startAreaCharts(specs: ReadonlyArray<ChartSpec>, store: ChartStore | null, warn: (obj: object, message: string) => void, month?: string): AreaCharts {
  const layouts = specs.map(areaChartLayout);
  const pngs: Array<Buffer | undefined> = [];
  // The panels and the store file once per chart: the file to look the drawing up in (and which
  // whichever thread draws it writes), the panels to draw here if need be.
  const missing: Array<{ at: number; panels: AreaPanels; file: string | null }> = [];
  specs.forEach((spec, i) => {
    const panels = areaPanels(spec);
    const file = store?.fileFor(areaChartKey(panels)) ?? null;
    const stored = file === null ? undefined : store?.read(file);
    pngs.push(stored);
    if (stored === undefined) missing.push({ at: i, panels, file });
  });
  // Workers started ahead are used as far as there is work for them (the rest stopped), more started
  // if the charts call for more (a bad LAGESBILD_CHART_WORKERS is reported once, chart-pool.ts).
  const ahead = waiting.splice(0);
  const count = chartWorkerCount(missing.length, process.env, (message) => warn({}, message));
  for (const w of ahead.slice(count)) void w.terminate();
  const adopted = ahead.slice(0, count);
  const jobs: ChartJobs = startChartJobs({
    specs: missing.map((m) => at(specs, m.at)),
    storeFiles: missing.map((m) => m.file),
    workers: [...adopted, ...spawnChartWorkers(count - adopted.length, prepareHere)],
    drawHere: (j) => {
      const { panels, file } = at(missing, j);
      const png = drawAreaChart(panels);
      if (file !== null) writeStoreFile(file, png);
      return png;
    },
    onWorkerFailed: (error) => warn({ error: error.message }, `En diagramtråd misslyckades (${error.message}); huvudtråden ritar dess diagram.`),
  });
  return {
    layouts,
    async finish() {
      const drawn = await jobs.finish();
      missing.forEach(({ at: i, file }, j) => {
        pngs[i] = at(drawn, j); // the pool fills every slot
        if (file !== null) store?.written(file);
      });
      if (store !== null && month !== undefined) store.mark(drawnMarker(month));
      return layouts.map((layout, i) => {
        const png = pngs[i];
        // Every chart was stored or is among `missing`, which the pool drew.
        if (png === undefined) throw new InvariantError(`area chart ${i} not drawn`);
        return { ...layout, png };
      });
    },
    close: () => jobs.close(),
  };
}
