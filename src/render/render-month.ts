/**
 * Every file of one month's folder, as bytes with paths relative to the folder, sorted by path. Nothing
 * is written here: the caller builds the folder in a temporary place and swaps it in atomically.
 */
import type { Indicators } from "../aggregate/indicators-schema.ts";
import type { Config } from "../config/load-config.ts";
import type { RevisionNote } from "../output/revisions-file.ts";
import { renderCharts } from "./charts.ts";
import { renderIndicatorsCsv } from "./indicators-csv.ts";
import { renderReportHtml } from "./report-page.ts";
import { stringifyJson } from "./write-json.ts";

export interface MonthFile {
  path: string;
  content: Buffer;
}

/**
 * `index.html`, `indicators.json`, `indicators.csv`, `run.json` and `charts/*.png`, all from the
 * suppressed indicators `ind`.
 */
export async function renderMonthFiles(
  ind: Indicators,
  ctx: { config: Config; notes: string[]; runJson: unknown; revisions?: ReadonlyArray<RevisionNote>; commentary?: string | null },
): Promise<MonthFile[]> {
  const charts = await renderCharts(ind, ctx.config);
  const page = renderReportHtml(ind, { config: ctx.config, charts, notes: ctx.notes, revisions: ctx.revisions, commentary: ctx.commentary });
  const files: MonthFile[] = [
    { path: "index.html", content: Buffer.from(page, "utf8") },
    { path: "indicators.json", content: Buffer.from(stringifyJson(ind), "utf8") },
    { path: "indicators.csv", content: renderIndicatorsCsv(ind) },
    { path: "run.json", content: Buffer.from(stringifyJson(ctx.runJson), "utf8") },
    ...charts.flatMap((c) => [{ path: c.file, content: c.png }, ...(c.phone ? [{ path: c.phone.file, content: c.phone.png }] : [])]),
  ];
  // Code-unit order, not localeCompare: the same on every machine.
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
