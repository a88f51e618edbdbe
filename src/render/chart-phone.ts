/**
 * The phone variant of an incident chart as small multiples (issue 16): one panel per category (or per
 * measure's total in an area's chart), each with at most its own solid line, its dashed line of the year
 * before and its band — never the wide chart's eight lines and four overlapping bands in 356 px. Each
 * panel names its category in the picture, so nothing in it is told apart by colour; the first panel
 * carries the legend of line styles for all of them. charts.ts draws the panels and stacks them into one
 * PNG; the page serves it under PHONE_MEDIA with the same alt text and the same table as the wide chart.
 */
import type { ChartSpec } from "./chart-data.ts";
import { T } from "./wording.ts";
import { at } from "../core/checked.ts";

export interface PhonePanel {
  title: string;
  /** The first panel carries the legend. */
  legend: boolean;
  /**
   * Drawn without its title and legend, which are drawn once apart and stacked above it (an area page's
   * chart, area-chart.ts): the plot alone.
   */
  bare?: boolean;
}

/** A chart spec cut into one spec per category: lines 2i and 2i+1 (solid, dashed) and band i. */
export function phonePanels(spec: ChartSpec): Array<{ spec: ChartSpec; panel: PhonePanel }> {
  const count = spec.bands.length;
  return Array.from({ length: count }, (_, i) => {
    // A chart spec has two lines (solid, dashed) per band.
    const solid = at(spec.lines, 2 * i);
    const dashed = spec.lines[2 * i + 1];
    return {
      spec: {
        ...spec,
        // The panel's title names the category, so the legend names what the line is.
        lines: [{ ...solid, label: T.chart.phoneLegendNow }, ...(dashed ? [dashed] : [])],
        bands: [at(spec.bands, i)],
      },
      panel: { title: T.chart.phonePanelTitle(solid.label), legend: i === 0 },
    };
  });
}
