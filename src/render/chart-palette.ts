/**
 * Chart colours: Okabe–Ito's colour-blind-safe hues, darkened where needed so every line has at least
 * 3:1 contrast against the white background (WCAG 2.1 AA, 1.4.11 non-text contrast). A category keeps
 * its colour and marker across the whole report (by its config order), and each line also gets its own
 * marker shape, so no meaning is carried by colour alone.
 */
import type { Config } from "../config/load-config.ts";

export const PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#8C6D00", "#332288", "#882255", "#1B7837"] as const;
/** `total` (and `total:brott`) is drawn in near-black, set apart from every category colour. */
export const TOTAL_COLOUR = "#333333";
/**
 * The totals of the other measures, drawn in the same chart as `total:brott` (one line per measure):
 * dark, unlike any category colour, each with its own marker (≥ 3:1 against white).
 */
const MEASURE_TOTAL_STYLES: Record<string, SeriesStyle> = {
  "total:polisens-handelser": { colour: "#5E3C99", pointStyle: "rectRot" },
  "total:handelser": { colour: "#7A4A00", pointStyle: "triangle" },
};

export const POINT_STYLES = ["circle", "rect", "triangle", "rectRot", "star", "crossRot", "rectRounded", "cross"] as const;
export type PointStyle = (typeof POINT_STYLES)[number];

export interface SeriesStyle {
  colour: string;
  pointStyle: PointStyle;
}

/** The style of a category (or `total`) by its position in the config's category list. */
export function categoryStyle(config: Config, category: string): SeriesStyle {
  if (category === "total" || category === "total:brott") return { colour: TOTAL_COLOUR, pointStyle: "circle" };
  const measureTotal = MEASURE_TOTAL_STYLES[category];
  if (measureTotal) return measureTotal;
  const index = Math.max(0, config.categories.findIndex((c) => c.id === category));
  return {
    colour: PALETTE[index % PALETTE.length] ?? PALETTE[0],
    pointStyle: POINT_STYLES[index % POINT_STYLES.length] ?? "circle",
  };
}

/** WCAG relative luminance contrast ratio of two `#rrggbb` colours. */
export function contrastRatio(a: string, b: string): number {
  const lum = (hex: string) => {
    const channel = (i: number) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  };
  const [la, lb] = [lum(a), lum(b)];
  const [hi, lo] = [Math.max(la, lb), Math.min(la, lb)];
  return (hi + 0.05) / (lo + 0.05);
}
