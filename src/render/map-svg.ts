/**
 * Static inline SVG maps (no tiles, fonts or scripts from the internet; nothing but the areas'
 * polygons is drawn — never a point of an individual incident). The area shapes and the fill patterns
 * are defined once per page in `mapDefs` and every map `<use>`s them with its own fill, so a page with
 * six maps carries the geometry once.
 *
 * Each map is `role="img"` with `<title>` and `<desc>` (aria-labelledby), its labels say the area's name
 * and its figure in words, and meaning is never carried by colour alone: hidden figures are hatched and
 * labelled, verdicts have a pattern, a symbol and words.
 */
import type { Verdict } from "../model/indicators.ts";
import { html, type SafeHtml } from "./html.ts";
import type { MapGeometry } from "./map-geometry.ts";
import { BOUNDARY, LABEL_TEXT } from "./map-scale.ts";

const ID = "karta";
export const shapeId = (area: string) => `${ID}-omrade-${area}`;

/** Fills for figures without a colour, and for trend verdicts (a pattern each, plus words in labels). */
export const FILL = {
  hidden: `url(#${ID}-raster)`,
  unavailable: "#ffffff",
  verdict: {
    increase: `url(#${ID}-okning)`,
    decrease: `url(#${ID}-minskning)`,
    normal: "#ffffff",
    insufficient_history: `url(#${ID}-prickar)`,
  } satisfies Record<Verdict, string>,
} as const;

/** The shapes and patterns, once per page: zero-sized (not display:none, which would break the patterns). */
export function mapDefs(geometry: MapGeometry): SafeHtml {
  return html`<svg class="map-defs" width="0" height="0" aria-hidden="true" focusable="false">
<defs>
<pattern id="${`${ID}-raster`}" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="#f0f0f0"/><path d="M0 0V8" stroke="#595959" stroke-width="2"/></pattern>
<pattern id="${`${ID}-okning`}" width="16" height="16" patternUnits="userSpaceOnUse"><rect width="16" height="16" fill="#fdd0a2"/><path d="M8 3 13 12H3Z" fill="#7f2704"/></pattern>
<pattern id="${`${ID}-minskning`}" width="16" height="16" patternUnits="userSpaceOnUse"><rect width="16" height="16" fill="#c6dbef"/><path d="M3 4H13L8 13Z" fill="#08306b"/></pattern>
<pattern id="${`${ID}-prickar`}" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="#ffffff"/><circle cx="4" cy="4" r="1.3" fill="#595959"/></pattern>
${geometry.areas.map((a) => html`<path id="${shapeId(a.id)}" d="${a.d}"/>\n`)}</defs>
</svg>`;
}

export interface MapArea {
  id: string;
  fill: string;
  /** Label lines: the area's name, then its figure in words. */
  lines: [string, string];
}

export interface MapSvgOptions {
  /** Unique in the page: ids of the title and description derive from it. */
  id: string;
  title: string;
  description: string;
  areas: ReadonlyArray<MapArea>;
}

/**
 * A label's centre, moved in from the map's edge so its longest line stays inside the picture (an area
 * at the edge with "1 565,2–2 434,8" under its name was cut off). Text width is estimated, with no font
 * at hand: 0.62 em a character at the phone's label size (style.css), a generous DejaVu Sans bold average.
 */
const LABEL_EM = 19 * 0.62;
function labelX(x: number, lines: readonly string[], width: number): number {
  const half = (Math.max(...lines.map((l) => l.length)) * LABEL_EM) / 2 + 2;
  if (2 * half >= width) return Math.round((width / 2) * 10) / 10;
  return Math.round(Math.min(Math.max(x, half), width - half) * 10) / 10;
}

/**
 * The labels that fit: a label that would overlap one already placed is left out (with many small areas,
 * or a small area beside a long range, they piled on top of each other and none could be read). Areas
 * whose figure is shown in colour go first, then the rest, each in config order; every figure of the map
 * is in its table either way. Boxes are estimated at the phone's label size, the larger one.
 */
function placeLabels(drawn: ReadonlyArray<{ g: MapGeometry["areas"][number]; area: MapArea }>, width: number): Array<{ x: number; y: number; area: MapArea }> {
  const hidden = (a: MapArea) => a.fill === FILL.hidden || a.fill === FILL.unavailable;
  const ordered = [...drawn.filter((d) => !hidden(d.area)), ...drawn.filter((d) => hidden(d.area))];
  const boxes: Array<[number, number, number, number]> = [];
  const placed = new Set<string>();
  for (const { g, area } of ordered) {
    const x = labelX(g.label[0], area.lines, width);
    const y = Math.round((g.label[1] - 2) * 10) / 10;
    // Half a character of room on each side, so neighbouring labels do not run into each other.
    const half = ((Math.max(...area.lines.map((l) => l.length)) + 1) * LABEL_EM) / 2;
    // Two lines of 19 units, 1.15 em apart, the first on its baseline at y.
    const box: [number, number, number, number] = [x - half, y - 16, x + half, y + 27];
    if (boxes.some((b) => box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3])) continue;
    boxes.push(box);
    placed.add(area.id);
  }
  return drawn.filter(({ area }) => placed.has(area.id)).map(({ g, area }) => ({ x: labelX(g.label[0], area.lines, width), y: Math.round((g.label[1] - 2) * 10) / 10, area }));
}

/** One map. Areas without a polygon in `geometry` are left out (the table still lists them). */
export function mapSvg(geometry: MapGeometry, o: MapSvgOptions): SafeHtml {
  const byId = new Map(o.areas.map((a) => [a.id, a]));
  const drawn = geometry.areas.flatMap((g) => {
    const area = byId.get(g.id);
    return area === undefined ? [] : [{ g, area }];
  });
  const [titleId, descId] = [`${o.id}-titel`, `${o.id}-beskrivning`];
  return html`<svg class="map" viewBox="${`0 0 ${geometry.width} ${geometry.height}`}" width="${geometry.width}" height="${geometry.height}" role="img" aria-labelledby="${`${titleId} ${descId}`}" focusable="false">
<title id="${titleId}">${o.title}</title>
<desc id="${descId}">${o.description}</desc>
<g stroke="${BOUNDARY}" stroke-width="1.5" stroke-linejoin="round" fill-rule="evenodd">
${drawn.map(({ g, area }) => html`<use href="${`#${shapeId(g.id)}`}" fill="${area.fill}"/>\n`)}</g>
<g class="map-label" fill="${LABEL_TEXT}" text-anchor="middle">
${placeLabels(drawn, geometry.width).map(({ x, y, area }) => html`<text x="${x}" y="${y}"><tspan>${area.lines[0]}</tspan><tspan x="${x}" dy="1.15em">${area.lines[1]}</tspan></text>\n`)}</g>
</svg>`;
}
