/**
 * An area page's chart (issue 20): its category panels (chart-phone.ts, one per measure's total), 360 CSS
 * px wide at AREA_SCALE, stacked into one palette PNG that is shown at every width. A new month at 312
 * areas draws 313 of them.
 *
 * Each panel's title and the legend are the same on every area's chart (they name the measure and the
 * line styles, never a figure), and chart.js's text was a fifth of the drawing: so they are drawn once
 * per process as a header strip (a chart with only its title and legend, cropped to them) and stacked
 * above each area's plot, which chart.js draws bare. The picture still names its panels and explains
 * its lines, the dashes and the band (WCAG 1.1.1: the image is also shown alone, e.g. zoomed), and all
 * plots share one canvas size, so one live chart.js chart draws them all (charts.ts drawRaw).
 */
import type { ChartConfiguration } from "chart.js";
import { at } from "../core/checked.ts";
import type { ChartSpec } from "./chart-data.ts";
import { phonePanels } from "./chart-phone.ts";
import { AREA_SCALE, PHONE } from "./chart-style.ts";
import { chartConfiguration, drawRaw, getRenderer, lineColours, type ChartLayout } from "./charts.ts";
import { encodeIndexedPng, type RawImage } from "./indexed-png.ts";

/**
 * Heights in CSS px: the first panel's header (title and the legend's two rows: at 360 px the three
 * entries wrap), every other panel's header (its title, with room above to set it apart from the panel
 * before), and each plot (axes, band, lines and tick labels). Measured where chart.js puts the ink of a
 * full panel (title 13 px bold, legend 12 px): the legend's second row ends at 69.6 px, a later panel's
 * title at 28 px. The plot keeps the old panels' plot height (~150–174 px), so a panel of two reads as before.
 */
export const AREA_HEADER = 74;
export const AREA_TITLE_HEADER = 32;
export const AREA_PLOT = 160;

/**
 * zlib's settings for an area page's chart, 313 of them in a new month at 312 areas. Measured on 60 of
 * that kommun's area charts with their bands (encoder time, zlib included, per chart, on the shared
 * machine; bytes per chart): level 6 2.0 ms / 11.96 kB, level 4 1.5–1.9 ms / 12.26 kB (two runs), level
 * 1 1.4 ms / 13.44 kB, Z_RLE 1.3 ms / 14.10 kB, Z_FILTERED no better than the default strategy, level
 * 9 10.6 ms / 11.45 kB. Level 4 keeps the bytes within 2.5 % of level 6 (+90 kB over a month's 313
 * charts, 0.3 kB on an area page) for a little less time; Z_RLE would save ~0.6 ms a chart (0.2 s a
 * month) for 18 % more bytes, which every reader on a phone pays, every month.
 */
export const AREA_DEFLATE = 4;

/** The renderer every area plot is drawn with, on this thread or a worker's (chart-worker.ts): one size, one font. */
export const areaRenderer = () => getRenderer(PHONE.width, AREA_PLOT, PHONE.fontSize);
/** A drawing is `rows` device pixels high for `css` CSS px (chart.js sizes a canvas to floor(size · ratio)). */
const rows = (css: number): number => Math.floor(css * AREA_SCALE);

/** An area chart's panels as chart.js configurations: each plot bare, each header without figures. */
export interface AreaPanels {
  plots: ChartConfiguration[];
  /** Per panel: the header's configuration and the key it is remembered by. */
  headers: Array<{ cfg: ChartConfiguration; key: string }>;
}

export function areaPanels(spec: ChartSpec): AreaPanels {
  const panels = phonePanels(spec);
  const plots = panels.map(({ spec: s, panel }) => chartConfiguration(s, { ...panel, bare: true }, AREA_SCALE) as ChartConfiguration);
  const headers = panels.map(({ spec: s, panel }) => {
    // The legend names the band only where the panel has one (chartConfiguration's legend callback reads
    // the spec): a header without figures keeps that fact, one band value, and nothing else of the data.
    const hasBand = s.bands.some((b) => b.high.some((v) => v !== null));
    const bare: ChartSpec = { ...s, months: [], lines: s.lines.map((l) => ({ ...l, values: [] })), bands: s.bands.map((b) => ({ ...b, low: [], high: hasBand ? [0] : [] })) };
    const cfg = chartConfiguration(bare, panel, AREA_SCALE) as ChartConfiguration;
    // Only the title and legend are kept (cropped): no axes to draw.
    cfg.options = { ...cfg.options, scales: { x: { display: false }, y: { display: false } } };
    return { cfg, key: JSON.stringify(cfg) };
  });
  return { plots, headers };
}

/** The drawing key of an area chart: what the chart store files it under (with the drawing modules' source). */
export function areaChartKey(panels: AreaPanels): string {
  return `area:${JSON.stringify(AREA_DEFLATE)}:${AREA_HEADER}/${AREA_TITLE_HEADER}/${AREA_PLOT}:${JSON.stringify(panels.plots)}:${panels.headers.map((h) => h.key).join(",")}`;
}

/** Header strips drawn in this thread, by key: a handful (one per panel position and measure set). */
const headers = new Map<string, RawImage>();

function header(h: { cfg: ChartConfiguration; key: string }, first: boolean): RawImage {
  let strip = headers.get(h.key);
  if (strip === undefined) {
    // Drawn on the plots' canvas (taller than any header), then cropped: its lines and axes are empty and hidden.
    const raw = drawRaw(areaRenderer(), h.cfg);
    const width = rows(PHONE.width);
    const height = rows(first ? AREA_HEADER : AREA_TITLE_HEADER);
    // A copy: the live chart's canvas buffer is reused by its next drawing.
    strip = { width, height, data: Buffer.from(raw.subarray(0, width * height * 4)) };
    headers.set(h.key, strip);
  }
  return strip;
}

/** Draws and encodes an area chart (nothing remembered but the header strips): on any thread, the same bytes. */
export function drawAreaChart(panels: AreaPanels): Buffer {
  const width = rows(PHONE.width);
  const images: RawImage[] = panels.plots.flatMap((cfg, i) => [
    header(at(panels.headers, i), i === 0), // one header per plot (areaPanels)
    { width, height: rows(AREA_PLOT), data: drawRaw(areaRenderer(), cfg) },
  ]);
  // Sixteen colours: white, the text grey, the panels' series colours and their tints; the series'
  // own colours are kept exactly (measured on the sample: 40 % fewer bytes than 256, no visible loss).
  return encodeIndexedPng(images, PHONE.colours, ["#ffffff", "#222222", ...lineColours(panels.plots)], AREA_DEFLATE);
}

/** The chart's place on its page: everything but its bytes, known before it is drawn. */
export function areaChartLayout(spec: ChartSpec): ChartLayout {
  const count = spec.bands.length;
  const height = count === 0 ? 0 : AREA_HEADER + AREA_PLOT + (count - 1) * (AREA_TITLE_HEADER + AREA_PLOT);
  return { alt: spec.alt, caption: spec.caption, title: spec.title, placement: spec.placement, table: spec.table, file: `charts/${spec.name}.png`, size: { width: PHONE.width, height } };
}
