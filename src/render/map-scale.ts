/**
 * The maps' colours. Values: a sequential scale from ColorBrewer's YlOrBr (colour-blind safe, light =
 * few, dark = many), its darkest step left out so every class keeps ≥ 3:1 against the boundary colour
 * and ≥ 4.5:1 against the label text (WCAG 2.1 AA 1.4.11 and 1.4.3; test/unit/render/map.test.ts
 * checks both).
 *
 * One scale serves a whole set of maps (issue 16: the same class limits and colours on every map of a
 * measure, one legend), so a colour means the same rate on each. Its limits split the set's values into
 * at most four classes of about equal size — the rates of different categories differ tenfold (theft
 * against drug offences), and equal-width classes would paint all but one map in the lightest colour —
 * each limit the roundest number between the two values it separates, so the legend reads
 * "under 2 000", "2 000 till under 5 000", "5 000 eller fler".
 */
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

/**
 * The roundest number in (below, above]: the fewest significant digits that still separate the two
 * values, e.g. (1 166,7; 2 285,7] → 2 000 and (2,4; 2,5] → 2,5.
 */
export function roundLimit(below: number, above: number): number {
  const magnitude = Math.floor(Math.log10(Math.abs(above) || 1));
  for (let digits = 1; digits <= 15; digits++) {
    const exponent = magnitude - digits + 1;
    // Exact decimal arithmetic through strings: floor(above / 10^e) · 10^e without a binary fraction.
    const candidate = Number(`${Math.floor(Number(`${above}e${-exponent}`))}e${exponent}`);
    if (candidate > below) return candidate;
  }
  return above;
}

/**
 * The class limits of a set of values: n = min(4, distinct values) classes; the k-th limit separates
 * the sorted values at index round(k · N / n) from the one before it (N values, ties counted once).
 */
export function classLimits(values: ReadonlyArray<number>): number[] {
  const distinct = [...new Set(values)].sort((a, b) => a - b);
  const n = Math.min(4, distinct.length);
  const limits: number[] = [];
  for (let k = 1; k < n; k++) {
    const at = Math.round((k * distinct.length) / n);
    const limit = roundLimit(distinct[at - 1]!, distinct[at]!);
    if (limits.length === 0 || limit > limits.at(-1)!) limits.push(limit);
  }
  return limits;
}

/** @param decimals how the values are written (1 for rates, 0 for counts) */
export function valueScale(values: ReadonlyArray<number>, decimals: number): ValueScale {
  const max = Math.max(0, ...values);
  const limits = max > 0 ? classLimits(values) : [];
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
