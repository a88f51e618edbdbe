/**
 * Draws the month's charts as PNG with chart.js 4 through chartjs-node-canvas: fixed size, device pixel
 * ratio 1, no animation, a bundled system font and a white background, so the same figures give the same
 * bytes on the same machine. One ChartJSNodeCanvas is reused: each instance loads a fresh copy of
 * chart.js, which is slow and grows memory if done per chart.
 */
import type { Chart, ChartConfiguration } from "chart.js";
import { ChartJSNodeCanvas } from "chartjs-node-canvas";
import type { Indicators } from "../model/indicators.ts";
import type { Config } from "../config/load-config.ts";
import { axisLabels, chartSpecs, type ChartPlacement, type ChartSpec, type ChartTable } from "./chart-data.ts";
import { LEGEND_LABELS, LINE_DEFAULTS, PHONE, PHONE_SCALE, PHONE_TITLE_FONT, STILL_IMAGE } from "./chart-style.ts";
import { T } from "./wording.ts";
import { renderSurveyCharts } from "./survey-chart.ts";
import { phonePanels, type PhonePanel } from "./chart-phone.ts";
import { encodeIndexedPng, type RawImage } from "./indexed-png.ts";
import { areaPagesEnabled } from "./area-pages.ts";
import type { ChartStore } from "./chart-store.ts";

export const CHART_WIDTH = 800;
export const CHART_HEIGHT = 400;

export interface ChartImage {
  /** Relative to the month folder: `charts/<name>.png`. */
  file: string;
  png: Buffer;
  /** States what the chart shows and its message (latest values and their trend verdicts, in words). */
  alt: string;
  caption: string;
  title: string;
  placement: ChartPlacement;
  /** The chart's numbers, for the table beside it. */
  table: ChartTable;
  /** The same chart drawn for a phone (`charts/<name>-mobil.png`), sizes in CSS px. */
  phone?: PhoneImage;
  /**
   * Set when `png` is itself the phone drawing, shown at every width (an area page's chart): its size in
   * CSS px; the file has AREA_SCALE device pixels per CSS pixel. Without it `png` is CHART_WIDTH × CHART_HEIGHT.
   */
  size?: { width: number; height: number };
}

/** What the page needs of a chart to lay it out: all but its bytes (an area page is written before its chart is drawn). */
export type ChartLayout = Omit<ChartImage, "png">;

export interface PhoneImage {
  file: string;
  png: Buffer;
  width: number;
  height: number;
}

/**
 * One renderer per canvas size (each loads its own chart.js copy, so there are only a few: the wide
 * chart and the phone variant's panels). `fontSize` is the base size in CSS px.
 */
const renderers = new Map<string, ChartJSNodeCanvas>();

export function getRenderer(width = CHART_WIDTH, height = CHART_HEIGHT, fontSize = 14): ChartJSNodeCanvas {
  const key = `${width}x${height}@${fontSize}`;
  let r = renderers.get(key);
  if (!r) {
    r = new ChartJSNodeCanvas({
      width,
      height,
      backgroundColour: "#ffffff",
      chartCallback: (ChartJS) => {
        // DejaVu Sans ships with the canvas build's fontconfig on Linux; naming it avoids a fallback that
        // differs between machines.
        ChartJS.defaults.font.family = "DejaVu Sans, sans-serif";
        ChartJS.defaults.font.size = fontSize;
        ChartJS.defaults.color = "#222222";
        ChartJS.defaults.animation = false;
      },
    });
    renderers.set(key, r);
  }
  return r;
}

/**
 * One live chart per renderer (canvas size), redrawn with each new configuration (`chart.update("none")`)
 * instead of a Chart constructed, laid out from nothing and destroyed per drawing: at 312 areas a month
 * draws ~630 phone panels of two sizes, and a fresh Chart re-resolves every option, re-measures every
 * tick label (the live chart's scales keep their label widths between drawings: the months are the same)
 * and re-creates its cairo surface. A redraw starts with chart.js's clear of the whole canvas and the
 * background plugin's fill, so the pixels are those a fresh chart draws (tested: same bytes either way).
 * A configuration with plugins of its own (a survey chart's labels) gets a fresh chart: chart.js reads
 * inline plugins once, when the chart is made. Kept per pixel ratio as well: chart.js sizes the canvas
 * for its ratio when the chart is made, not on update (an area chart is drawn at AREA_SCALE, the month
 * page's phone charts at PHONE_SCALE).
 */
const live = new Map<ChartJSNodeCanvas, Map<number, Chart>>();

/**
 * A chart's pixels as cairo holds them ("raw": B G R A per pixel), drawn as renderToBufferSync draws them.
 * A chart that is not kept live has its cairo surface released at once (resized to 0 × 0) instead of when
 * the garbage collector gets to the canvas: V8 does not see that memory, and a month at 312 areas left
 * ~600 surfaces of 0.4–0.8 MB waiting (issue 20: most of the full month's 0.8–1.2 GB peak).
 */
export function drawRaw(renderer: ChartJSNodeCanvas, cfg: ChartConfiguration): Buffer {
  const reusable = cfg.plugins === undefined || cfg.plugins.length === 0;
  const ratio = cfg.options?.devicePixelRatio ?? 1;
  let byRatio = live.get(renderer);
  if (byRatio === undefined) live.set(renderer, (byRatio = new Map()));
  let chart = reusable ? byRatio.get(ratio) : undefined;
  if (chart !== undefined) {
    chart.data = cfg.data;
    chart.options = cfg.options ?? {};
    chart.update("none");
  } else {
    // A copy: chart.js keeps the object it is made with as its config and writes later data and options
    // into it, which would rewrite this configuration (its line colours are read after drawing).
    // renderChart is chartjs-node-canvas's own (undeclared) method that returns the live chart instead of its PNG.
    chart = (renderer as unknown as { renderChart(c: ChartConfiguration): Chart }).renderChart({ ...cfg });
    if (reusable) byRatio.set(ratio, chart);
  }
  // Under Node the chart's canvas is node-canvas's, which chart.js types as the DOM's HTMLCanvasElement.
  const canvas = chart.canvas as unknown as { toBuffer(type: "raw"): Buffer; width: number; height: number };
  const raw = canvas.toBuffer("raw");
  if (!reusable) {
    chart.destroy();
    canvas.width = 0;
    canvas.height = 0;
  }
  return raw;
}

/** Releases the live charts and their canvases (0.3–1.3 MB of cairo surface each; a handful in all, kept for the process otherwise). */
export function releaseLiveCharts(): void {
  for (const chart of [...live.values()].flatMap((m) => [...m.values()])) {
    const canvas = chart.canvas as unknown as { width: number; height: number };
    chart.destroy();
    canvas.width = 0;
    canvas.height = 0;
  }
  live.clear();
}

/** `#rrggbb` as an rgba() colour with the given opacity. */
function withAlpha(hex: string, alpha: number): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgba(${r},${g},${b},${alpha})`;
}

/**
 * A phone panel's month labels: every second month from the first, named by rule instead of by
 * chart.js's autoSkip, which picked the same ones in 360 px but re-measured each drawing's labels: its
 * text-width cache keeps twice as many strings as there are labels shown, the twelve months and their
 * years are more, so every drawing evicted half and measured them again. That was a quarter of an area
 * plot's drawing at 312 areas (626 a month). Hidden labels (null) are not measured.
 */
const PHONE_X_TICKS = {
  maxRotation: 0,
  autoSkip: false,
  callback(this: { getLabelForValue(value: number): string | string[] }, value: number | string, index: number) {
    return index % 2 === 0 ? this.getLabelForValue(Number(value)) : null;
  },
};

/** The chart.js configuration of a spec, or of one phone panel (exported for tests). */
export function chartConfiguration(spec: ChartSpec, panel?: PhonePanel, scale: number = PHONE_SCALE): ChartConfiguration<"line", Array<number | null>, string | string[]> {
  const small = panel !== undefined;
  return {
    type: "line",
    data: {
      labels: axisLabels(spec.months),
      datasets: [
        ...spec.lines.map((line) => ({
        label: line.label,
        data: line.values,
        borderColor: line.colour,
        // Hollow markers on the dashed line: last year differs from this year by shape, not colour alone.
        backgroundColor: line.dashed ? "#ffffff" : line.colour,
        borderWidth: line.dashed ? 2 : 3,
        borderDash: line.dashed ? [8, 5] : [],
        pointStyle: line.pointStyle,
        pointRadius: (line.dashed ? 3 : 4) - (small ? 0.5 : 0),
        ...LINE_DEFAULTS,
      })),
        // The bands come after the lines (the legend callback indexes `lines`) and are drawn beneath them
        // (a higher `order` is drawn first): the lower edge invisible, the upper filled down to it.
        ...spec.bands.flatMap((band) => {
          // A phone panel has one band: its edges are drawn, dotted in the series colour (≥ 3:1 against
          // white), so the band is not a pale tint alone (WCAG 1.4.11); the edges are the band's own two
          // datasets' borders (two datasets fewer per panel than separate edge lines: chart.js resolves
          // options for every point of every dataset, 24 a line, on each of 626 panels at 312 areas). The
          // wide chart's four bands would add eight more lines; its tint is explained by the caption and the table.
          const edge = small ? { borderColor: band.colour, borderWidth: 1, borderDash: [2, 3] } : { borderColor: "rgba(0,0,0,0)", borderWidth: 0 };
          return [
            { label: "", data: band.low, backgroundColor: "rgba(0,0,0,0)", pointRadius: 0, fill: false, order: 1, ...edge, ...LINE_DEFAULTS },
            { label: "", data: band.high, backgroundColor: withAlpha(band.colour, 0.16), pointRadius: 0, fill: "-1", order: 1, ...edge, ...LINE_DEFAULTS },
          ];
        }),
      ],
    },
    options: {
      ...STILL_IMAGE,
      devicePixelRatio: small ? scale : 1,
      plugins: {
        legend: {
          display: panel?.bare === true ? false : (panel?.legend ?? true),
          position: small ? "top" : "bottom",
          align: small ? "start" : "center",
          labels: {
            ...LEGEND_LABELS,
            ...(small ? { padding: 8 } : {}),
            // One entry per category, and one shared entry for the dashed lines: eight legend entries
            // for four categories made the legend harder to read than the chart.
            generateLabels: (chart) => [
              // The drawing chart.js copy (chartjs-node-canvas loads its own) has the legend registered.
              ...(chart.constructor as typeof Chart).defaults.plugins.legend.labels
                .generateLabels(chart)
                .filter((item) => {
                  const line = spec.lines[item.datasetIndex ?? 0];
                  return line !== undefined && !line.dashed;
                }),
              ...(spec.bands.some((b) => b.high.some((v) => v !== null))
                ? [{ text: small ? T.chart.phoneLegendBand : T.chart.legendBand, fillStyle: "rgba(80,80,80,0.25)", strokeStyle: "rgba(0,0,0,0)", lineWidth: 0, pointStyle: "rect" as const, hidden: false, fontColor: "#222222" }]
                : []),
              ...(spec.lines.some((l) => l.dashed)
                ? [{ text: small ? T.chart.phoneLegendLastYear : T.chart.legendLastYear, fillStyle: "#ffffff", strokeStyle: "#333333", lineWidth: 2, pointStyle: "circle" as const, hidden: false, fontColor: "#222222" }]
                : []),
            ],
          },
        },
        tooltip: { enabled: false },
        // On a phone each panel names its category in the picture; the wide chart's title is the caption.
        title: small && panel.bare !== true ? { display: true, text: panel.title, align: "start", font: { size: PHONE_TITLE_FONT, weight: "bold" }, padding: { top: panel.legend ? 4 : 14, bottom: 10 } } : { display: false },
      },
      scales: {
        // A phone panel keeps only the horizontal grid lines: the vertical ones cross the band and both
        // lines in 356 px and add bytes, not reading help.
        x: { ticks: small ? PHONE_X_TICKS : { maxRotation: 0, autoSkip: true }, ...(small ? { grid: { display: false } } : {}) },
        y: {
          beginAtZero: true,
          ticks: { precision: 0, ...(small ? { maxTicksLimit: 5 } : {}) },
          // A phone panel says "antal per månad" in its title: a rotated axis title costs a tenth of its width.
          title: { display: !small, text: T.chart.yAxis },
        },
      },
    },
  };
}

/**
 * PNGs drawn in this process, by the JSON of their chart.js configuration (everything the picture is
 * drawn from; the legend callback only reads `lines`, which the configuration holds too), so a chart
 * that comes out the same in several months of a range, like the survey charts, is drawn once (issue 7).
 * Least recently used first out, so a long range holds a bounded number of images.
 */
const drawn = new Map<string, Promise<Buffer>>();
const DRAWN_MAX = 64;

/** A PNG from memory, else from the store (chart-store.ts), else drawn by `draw` (and kept in both). */
function remembered(key: string, draw: () => Buffer, store: ChartStore | null): Promise<Buffer> {
  let png = drawn.get(key);
  if (png) drawn.delete(key);
  else {
    let bytes = store?.get(key);
    if (bytes === undefined) {
      bytes = draw();
      store?.set(key, bytes);
    }
    png = Promise.resolve(bytes);
  }
  drawn.set(key, png);
  // Over the limit the map is not empty: drop its oldest entry.
  const [oldest] = drawn.keys();
  if (drawn.size > DRAWN_MAX && oldest !== undefined) drawn.delete(oldest);
  return png;
}

/**
 * Colours of the wide charts' palette PNGs. A wide chart is white, the text grey, up to five series
 * colours and their band tints, plus anti-aliasing: 32 colours keep every series colour exactly (they
 * are named to the encoder) and the tints distinct. An area page's chart holds two series (polisanmälda
 * brott, rapporterade händelser), so 16 serve it, and at 300+ areas those charts were most of the month
 * folder's bytes (issue 20: 80 kB each as cairo's truecolour PNG, ~13 kB in 16 colours).
 */
export const WIDE_COLOURS = 32;
export const AREA_COLOURS = 16;
/**
 * A survey chart has a line per area and one for the kommun (six in the sample), crossing one another:
 * in 32 colours the anti-aliased edges of crossing lines took a neighbour's colour (a visible fringe).
 */
export const SURVEY_COLOURS = 64;
/** zlib level of the wide charts: 6 is ~6 % more bytes than 9 at a tenth of the time (600 charts a month at 300 areas). */
const WIDE_DEFLATE = 6;
/** zlib level of the phone variants drawn here (drawPanels): the fewest bytes a phone downloads. The area pages' charts use area-chart.ts's AREA_DEFLATE. */
const PHONE_DEFLATE = 9;

/** The exact colours of a chart's lines (`#rrggbb` border colours), for the encoder to keep. */
export function lineColours(cfgs: ReadonlyArray<ChartConfiguration>): string[] {
  return cfgs.flatMap((cfg) => cfg.data.datasets.map((d) => d.borderColor).filter((c): c is string => typeof c === "string" && /^#[0-9a-f]{6}$/i.test(c)));
}

/**
 * Draws `cfg` as a palette PNG of at most `colours` colours (indexed-png.ts: about a fifth of cairo's
 * truecolour PNG), or returns the PNG already drawn for the same configuration and colours.
 */
export function drawPng(cfg: ChartConfiguration, colours: number = WIDE_COLOURS, store: ChartStore | null = null): Promise<Buffer> {
  return remembered(
    `${colours}:${JSON.stringify(cfg)}`,
    () => {
      const data = drawRaw(getRenderer(), cfg);
      return encodeIndexedPng({ width: CHART_WIDTH, height: CHART_HEIGHT, data }, colours, ["#ffffff", "#222222", ...lineColours([cfg])], WIDE_DEFLATE);
    },
    store,
  );
}

type Panels = ReadonlyArray<{ cfg: ChartConfiguration; height: number }>;

/** The drawing key of a phone variant: what drawPanels remembers and the chart store files it under. */
const panelsKey = (panels: Panels) => `phone:${PHONE_DEFLATE}:${JSON.stringify(panels)}`;

/** Draws and encodes a phone variant's panels (drawPanels without the memory). */
function encodePanels(panels: Panels): Buffer {
  const raws: RawImage[] = panels.map(({ cfg, height }) => {
    const scale = cfg.options?.devicePixelRatio ?? PHONE_SCALE;
    return {
      // chart.js sizes the canvas to floor(CSS size · pixel ratio).
      width: Math.floor(PHONE.width * scale),
      height: Math.floor(height * scale),
      data: drawRaw(getRenderer(PHONE.width, height, PHONE.fontSize), cfg),
    };
  });
  // Sixteen colours: one panel holds white, the text grey, a series colour or four and their tints; the
  // series' own colours are kept exactly. Measured on the sample: 16 colours at 4 bits a pixel is 40 %
  // fewer bytes than 256 at 8 bits, with no visible loss at phone size.
  const keep = ["#ffffff", "#222222", ...lineColours(panels.map(({ cfg }) => cfg))];
  return encodeIndexedPng(raws, PHONE.colours, keep, PHONE_DEFLATE);
}

/**
 * Draws the panels of a phone variant, each PHONE.width CSS px wide at PHONE_SCALE device pixels, stacks
 * them top to bottom and encodes the stack as a palette PNG (indexed-png.ts: a third of the bytes of
 * cairo's truecolour PNG, which counts on a phone). Remembered like drawPng.
 */
export function drawPanels(panels: Panels, store: ChartStore | null = null): Promise<Buffer> {
  return remembered(panelsKey(panels), () => encodePanels(panels), store);
}

/** The panels of an incident chart's phone variant: its small multiples (chart-phone.ts), at PHONE_SCALE. */
function phoneVariantPanels(spec: ChartSpec): Panels {
  return phonePanels(spec).map(({ spec: s, panel }) => ({
    // The line chart's own configuration type, widened to what the drawing takes (chart.js's types do not relate them).
    cfg: chartConfiguration(s, panel, PHONE_SCALE) as ChartConfiguration,
    height: PHONE.panelHeight + (panel.legend ? PHONE.legendHeight : 0),
  }));
}

/** The phone variant of an incident chart. */
async function renderPhone(spec: ChartSpec, store: ChartStore | null): Promise<PhoneImage> {
  const panels = phoneVariantPanels(spec);
  const png = await drawPanels(panels, store);
  return { file: `charts/${spec.name}-mobil.png`, png, width: PHONE.width, height: panels.reduce((h, p) => h + p.height, 0) };
}

/** Forgets every PNG drawn so far (for tests that check a second drawing gives the same bytes). */
export function forgetDrawnCharts(): void {
  drawn.clear();
}

/**
 * Draws one spec on the month page: its wide drawing and its phone variant (served through `<picture>`).
 * An area page's chart is drawn by area-chart.ts instead.
 */
export async function renderChart(spec: ChartSpec, store: ChartStore | null = null): Promise<ChartImage> {
  const common = { alt: spec.alt, caption: spec.caption, title: spec.title, placement: spec.placement, table: spec.table };
  const colours = spec.placement.section === "area" ? AREA_COLOURS : WIDE_COLOURS;
  const [png, phone] = await Promise.all([drawPng(chartConfiguration(spec) as ChartConfiguration, colours, store), renderPhone(spec, store)]);
  return { ...common, phone, file: `charts/${spec.name}.png`, png };
}

/**
 * The charts of the month page, in report order, drawn and encoded on this thread (palette PNGs,
 * indexed-png.ts), or read from `store`: the kommun's, the survey's, and the areas' when they are on the
 * month page. With area pages (area-pages.ts) the areas' charts are on those pages, drawn by
 * area-chart-run.ts meanwhile.
 */
export async function renderCharts(ind: Indicators, config: Config, store: ChartStore | null = null, specs: ReadonlyArray<ChartSpec> = chartSpecs(ind, config)): Promise<ChartImage[]> {
  const areaPages = areaPagesEnabled(config);
  const [charts, survey] = await Promise.all([
    Promise.all(specs.filter((s) => !(areaPages && s.placement.section === "area")).map((spec) => renderChart(spec, store))),
    // Section 5: the survey indicators over the survey years (survey-chart.ts).
    renderSurveyCharts(
      ind,
      config,
      (cfg) => drawPng(cfg, SURVEY_COLOURS, store),
      (panels) => drawPanels(panels, store),
    ),
  ]);
  return [...charts, ...survey];
}
