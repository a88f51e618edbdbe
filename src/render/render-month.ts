/**
 * Every file of one month's folder, as bytes with paths relative to the folder, sorted by path. Nothing
 * is written here: the caller builds the folder in a temporary place and swaps it in atomically.
 */
import type { Indicators } from "../model/indicators.ts";
import type { Config } from "../config/load-config.ts";
import type { RevisionNote } from "../model/revisions.ts";
import type { MonthNote } from "../model/month-notes.ts";
import { monthNotesText } from "./coverage-text.ts";
import { renderAreaPageHtml } from "./area-page.ts";
import { AREA_DIR, areaPagePath, areaPagesEnabled, pagedAreas } from "./area-pages.ts";
import { type ChartImage, renderCharts } from "./charts.ts";
import { chartSpecs } from "./chart-data.ts";
import { startAreaCharts } from "./area-chart-run.ts";
import { chartStoreFor } from "./chart-store.ts";
import { type MonthFile, renderDataFiles } from "./data-files.ts";
import { renderReportHtml } from "./report-page.ts";
import { utf8 } from "../core/utf8.ts";

export type { MonthFile } from "./data-files.ts";

/** How a month is rendered: its config, where earlier runs' charts are kept, and the run's log. */
export interface RenderSetup {
  config: Config;
  /** The run's cache folder: charts drawn by earlier runs are kept there (chart-store.ts). */
  chartCacheDir?: string | undefined;
  /** The run's log, for what goes wrong without failing the month (a chart worker that failed). */
  warn?: ((obj: object, message: string) => void) | undefined;
}

/** What the month page needs besides the figures: known once publishing has decided the revision. */
export interface PageContext {
  revision: number;
  notes: ReadonlyArray<MonthNote>;
  runJson: unknown;
  revisions?: ReadonlyArray<RevisionNote>;
  commentary?: string | null;
}

/** A month's rendering, started: its area charts are being drawn. */
export interface MonthRender {
  /**
   * Every file of the month, as bytes with paths relative to its folder, sorted by path: `index.html`,
   * `indicators.json`, `indicators.csv`, `run.json` and `charts/*.png`, all from the suppressed
   * indicators; with area pages (area-pages.ts) also `omrade/<id>.html` per area, each area's chart
   * beside its page in `omrade/charts/` (drawn once, shown only there).
   */
  files(page: PageContext): Promise<MonthFile[]>;
  /** Stops the drawing (the month failed or was skipped before `files`). */
  close(): Promise<void>;
}

/**
 * Starts rendering the month from its figures alone: with area pages, worker threads start drawing the
 * area charts now (area-chart-run.ts), so a caller that must still work out the month's revision (its
 * hash over every figure) does so while they draw (issue 20). `ind`'s revision is not drawn anywhere:
 * the one `files` is given is published.
 */
export function startMonthRender(ind: Indicators, ctx: RenderSetup): MonthRender {
  // Charts drawn by an earlier run from the same inputs are read, not drawn (chart-store.ts).
  const store = ctx.chartCacheDir === undefined ? null : chartStoreFor(ctx.chartCacheDir);
  const specs = chartSpecs(ind, ctx.config);
  // The area pages' charts start first: worker threads draw them while this thread draws the month
  // page's charts and renders the pages and data files, which need only the charts' layout.
  const areaCharts = areaPagesEnabled(ctx.config) ? startAreaCharts(specs.filter((s) => s.placement.section === "area"), store, ctx.warn ?? (() => undefined), ind.month) : null;
  const close = async () => {
    await areaCharts?.close();
  };
  return {
    async files(page) {
      const published: Indicators = { ...ind, revision: page.revision };
      try {
        const charts = await renderCharts(published, ctx.config, store, specs);
        const context = { config: ctx.config, charts, notes: monthNotesText(page.notes, published, ctx.config), revisions: page.revisions, commentary: page.commentary };
        const html = renderReportHtml(published, context);
        const files: MonthFile[] = [{ path: "index.html", content: utf8(html) }, ...renderDataFiles(published, page.runJson), ...charts.flatMap(chartFiles)];
        if (areaCharts !== null) {
          const layouts = new Map(areaCharts.layouts.flatMap((c) => (c.placement.section === "area" ? [[c.placement.area, c] as const] : [])));
          for (const area of pagedAreas(published)) {
            // The chart's `file` is relative to the page that shows it: `charts/…` from `omrade/`.
            files.push({ path: areaPagePath(area.id), content: utf8(renderAreaPageHtml(published, area, context, layouts.get(area.id))) });
          }
          const drawn = await areaCharts.finish();
          files.push(...drawn.flatMap(chartFiles).map((f) => ({ ...f, path: `${AREA_DIR}/${f.path}` })));
        }
        store?.prune();
        // Code-unit order, not localeCompare: the same on every machine.
        return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      } catch (error) {
        await close();
        throw error;
      }
    },
    close,
  };
}

/** A month's files in one call (MonthRender.files), for a caller with its revision decided (tests). */
export function renderMonthFiles(ind: Indicators, ctx: RenderSetup & Omit<PageContext, "revision">): Promise<MonthFile[]> {
  return startMonthRender(ind, ctx).files({ ...ctx, revision: ind.revision });
}

/** A chart's wide image and, when drawn, its phone variant (served through `<picture>`). */
function chartFiles(c: ChartImage): MonthFile[] {
  return [{ path: c.file, content: c.png }, ...(c.phone ? [{ path: c.phone.file, content: c.phone.png }] : [])];
}
