/**
 * The maps' colours. Values: a sequential scale from ColorBrewer's YlOrBr (colour-blind safe, light =
 * few, dark = many), its darkest step left out so every class keeps ≥ 3:1 against the boundary colour
 * and ≥ 4.5:1 against the label text (WCAG 2.1 AA 1.4.11 and 1.4.3; test/unit/render-map.test.ts
 * checks both). Class limits are "nice" round numbers from d3-array, at most four classes, so the
 * legend reads "under 10", "10 till under 20", …, "30 eller fler".
 */
import { tickStep } from "d3-array";
import { formatNumber } from "./format-sv.ts";
import { MAP } from "./wording.ts";

/** Boundaries and label text: near-black, as the report's text colour. */
export const BOUNDARY = "#1a1a1a";
export const LABEL_TEXT = "#000000";

/** YlOrBr, 1–4 classes (ColorBrewer's n-class schemes; the 4-class dark end is its 5-class #d95f0e). */
export const SEQUENTIAL: ReadonlyArray<ReadonlyArray<string>> = [
  ["#fec44f"],
  ["#fff7bc", "#fe9929"],
  ["#fff7bc", "#fec44f", "#d95f0e"],
  ["#ffffd4", "#fed98e", "#fe9929", "#d95f0e"],
];

export interface ValueScale {
  /** Lower limits of classes 2..n (class 1 starts at 0). */
  limits: number[];
  colours: ReadonlyArray<string>;
  /** Legend text per class. */
  labels: string[];
  colourOf(value: number): string;
}

/** @param decimals how the values are written (1 for rates, 0 for counts) */
export function valueScale(values: ReadonlyArray<number>, decimals: number): ValueScale {
  const max = Math.max(0, ...values);
  let limits: number[] = [];
  if (max > 0) {
    // The smallest nice step giving at most four classes (0 to max inclusive).
    for (const count of [4, 3, 2, 1]) {
      const step = tickStep(0, max, count);
      const n = Math.floor(max / step) + 1;
      if (n <= 4) {
        limits = Array.from({ length: n - 1 }, (_, i) => step * (i + 1));
        break;
      }
    }
  }
  // All zero: the lightest colour, so "no events" never looks like "some".
  const colours = max === 0 ? [SEQUENTIAL[3]![0]!] : SEQUENTIAL[limits.length]!;
  const f = (v: number) => formatNumber(v, Number.isInteger(v) ? 0 : decimals);
  const labels =
    limits.length === 0
      ? [max === 0 ? "0" : MAP.legendAll]
      : [MAP.legendUnder(f(limits[0]!)), ...limits.slice(0, -1).map((l, i) => MAP.legendBetween(f(l), f(limits[i + 1]!))), MAP.legendAtLeast(f(limits.at(-1)!))];
  return {
    limits,
    colours,
    labels,
    colourOf(value) {
      let k = 0;
      while (k < limits.length && value >= limits[k]!) k++;
      return colours[k]!;
    },
  };
}
