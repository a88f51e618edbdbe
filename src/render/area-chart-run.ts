/**
 * A month's area page charts (issue 20), started before the rest of the month is rendered and collected
 * at the end: each chart's layout is known at once (the pages are written from it), charts drawn by an
 * earlier run come from the store (chart-store.ts), and the others are drawn by worker threads while this
 * thread renders the month's pages and data files (chart-pool.ts), then by this thread too.
 */
import { at, InvariantError } from "../core/checked.ts";
import type { ChartSpec } from "./chart-data.ts";
import { AREA_PLOT, areaChartKey, areaChartLayout, areaPanels, drawAreaChart, type AreaPanels } from "./area-chart.ts";
import { chartWorkerCount, startChartJobs, type ChartJobs } from "./chart-pool.ts";
import type { ChartStore } from "./chart-store.ts";
import { getRenderer, type ChartImage, type ChartLayout } from "./charts.ts";
import { PHONE } from "./chart-style.ts";

export interface AreaCharts {
  /** Each area chart's layout, in spec order. */
  layouts: ChartLayout[];
  /** Every area chart with its bytes, in spec order (this thread draws what is left). */
  finish(): Promise<ChartImage[]>;
  /** Stops the drawing (when the month fails before finish). */
  close(): Promise<void>;
}

export function startAreaCharts(specs: ReadonlyArray<ChartSpec>, store: ChartStore | null, warn: (obj: object, message: string) => void): AreaCharts {
  const layouts = specs.map(areaChartLayout);
  const pngs: Array<Buffer | undefined> = [];
  // The panels and key once per chart: the key to look the store up, the panels to draw here if need be.
  const missing: Array<{ at: number; panels: AreaPanels; key: string }> = [];
  specs.forEach((spec, i) => {
    const panels = areaPanels(spec);
    const key = areaChartKey(panels);
    const stored = store?.get(key);
    pngs.push(stored);
    if (stored === undefined) missing.push({ at: i, panels, key });
  });
  const workers = chartWorkerCount(missing.length, process.env, (message) => warn({}, message));
  const jobs: ChartJobs = startChartJobs(
    missing.map((m) => at(specs, m.at)),
    workers,
    (j) => drawAreaChart(at(missing, j).panels),
    () => getRenderer(PHONE.width, AREA_PLOT, PHONE.fontSize),
    (error) => warn({ error: error.message }, `En diagramtråd misslyckades (${error.message}); huvudtråden ritar dess diagram.`),
  );
  return {
    layouts,
    async finish() {
      const drawn = await jobs.finish();
      missing.forEach(({ at: i, key }, j) => {
        const png = at(drawn, j); // the pool fills every slot
        pngs[i] = png;
        store?.set(key, png);
      });
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
