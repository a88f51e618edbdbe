/**
 * Every file of one month's folder, as bytes with paths relative to the folder, sorted by path. Nothing
 * is written here: the caller builds the folder in a temporary place and swaps it in atomically.
 */
import type { Indicators } from "../model/indicators.ts";
import type { Config } from "../config/load-config.ts";
import type { RevisionNote } from "../model/revisions.ts";
import { renderAreaPageHtml } from "./area-page.ts";
import { AREA_DIR, areaPagePath, areaPagesEnabled, pagedAreas } from "./area-pages.ts";
import { type ChartImage, renderCharts, useChartStore } from "./charts.ts";
import { chartStoreFor } from "./chart-store.ts";
import { type MonthFile, renderDataFiles } from "./data-files.ts";
import { renderReportHtml } from "./report-page.ts";

export type { MonthFile } from "./data-files.ts";

/**
 * `index.html`, `indicators.json`, `indicators.csv`, `run.json` and `charts/*.png`, all from the
 * suppressed indicators `ind`; with area pages (area-pages.ts) also `omrade/<id>.html` per area, each
 * area's chart beside its page in `omrade/charts/` (drawn once, shown only there).
 */
export async function renderMonthFiles(
  ind: Indicators,
  ctx: { config: Config; notes: string[]; runJson: unknown; revisions?: ReadonlyArray<RevisionNote>; commentary?: string | null; chartCacheDir?: string },
): Promise<MonthFile[]> {
  // Charts drawn by an earlier run from the same inputs are read, not drawn (chart-store.ts).
  const store = ctx.chartCacheDir === undefined ? null : chartStoreFor(ctx.chartCacheDir);
  useChartStore(store);
  let charts: ChartImage[];
  try {
    charts = await renderCharts(ind, ctx.config);
  } finally {
    useChartStore(null);
  }
  store?.prune();
  const context = { config: ctx.config, charts, notes: ctx.notes, revisions: ctx.revisions, commentary: ctx.commentary };
  const page = renderReportHtml(ind, context);
  const files: MonthFile[] = [{ path: "index.html", content: Buffer.from(page, "utf8") }, ...renderDataFiles(ind, ctx.runJson)];
  if (areaPagesEnabled(ctx.config)) {
    const areaChart = (id: string) => charts.find((c) => c.placement.section === "area" && c.placement.area === id);
    for (const area of pagedAreas(ind)) {
      // The chart's `file` is relative to the page that shows it: `charts/…` from `omrade/`.
      const chart = areaChart(area.id);
      files.push({ path: areaPagePath(area.id), content: Buffer.from(renderAreaPageHtml(ind, area, context, chart), "utf8") });
      if (chart) files.push(...chartFiles(chart).map((f) => ({ ...f, path: `${AREA_DIR}/${f.path}` })));
    }
    files.push(...charts.filter((c) => c.placement.section !== "area").flatMap(chartFiles));
  } else {
    files.push(...charts.flatMap(chartFiles));
  }
  // Code-unit order, not localeCompare: the same on every machine.
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** A chart's wide image and, when drawn, its phone variant (served through `<picture>`). */
function chartFiles(c: ChartImage): MonthFile[] {
  return [{ path: c.file, content: c.png }, ...(c.phone ? [{ path: c.phone.file, content: c.phone.png }] : [])];
}
