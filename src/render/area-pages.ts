/**
 * Whether a month's areas get pages of their own, and where those pages live (issue 20). A kommun that
 * reports by SCB's statistical areas has hundreds of them: one page holding every area's table and chart
 * was 3 MB and nobody found their own area in it. With more areas than `output.area_pages` (default 8),
 * each area (Okänt område too: its figures must not vanish from the report) gets
 * `<YYYY-MM>/omrade/<id>.html`, and the month page keeps the kommun and one row per area.
 */
import type { AreaEntry, Indicators } from "../model/indicators.ts";
import type { Config } from "../config/load-config.ts";

/**
 * Up to this many areas the month page keeps every area's table and chart: the sample kommun's five
 * areas read well on one page, and at eight tables of a dozen rows each (plus a chart each) a phone
 * reader already scrolls through more than twenty screens to reach the field reports.
 */
export const DEFAULT_AREA_PAGES_ABOVE = 8;

/** The folder of the area pages inside the month folder. */
export const AREA_DIR = "omrade";

/** True when this config's months get one page per area. */
export function areaPagesEnabled(config: Pick<Config, "output" | "areas">): boolean {
  const setting = config.output.area_pages ?? DEFAULT_AREA_PAGES_ABOVE;
  if (typeof setting === "boolean") return setting;
  return config.areas.length > setting;
}

/** The areas that get a page: every area entry but the kommun's, in the indicators' order (okänt last). */
export function pagedAreas(ind: Pick<Indicators, "areas">): AreaEntry[] {
  return ind.areas.filter((a) => a.id !== "kommun");
}

/** The area page's path inside the month folder: `omrade/<id>.html` (ids are slugs, checked by the config). */
export function areaPagePath(areaId: string): string {
  return `${AREA_DIR}/${areaId}.html`;
}

