/**
 * Internal: how one figure reads in a table cell. A count is a number, "färre än k" when suppression
 * hid it as small, "döljs" when it is hidden to protect another value (it may be large), or "uppgift
 * saknas" when it is unavailable; a derived figure (change, rate) whose input is hidden reads "döljs",
 * and a percentage against a zero base "ej beräkningsbar".
 */
import { formatNumber, formatPercentChange, formatSignedNumber } from "./format-sv.ts";
import { T, fewerThan } from "./wording.ts";

/**
 * Why a value is hidden: "small", "protects", or (a file published before the two kinds) `true`,
 * which only ever meant a small value or a sum containing one, and reads as before.
 */
export type Hidden = "small" | "protects" | boolean | undefined;

/** The words for a hidden value, or null when it is not hidden. */
export function hiddenText(hidden: Hidden, minCount: number): string | null {
  if (hidden === "protects") return T.hiddenDerived;
  if (hidden === "small" || hidden === true) return fewerThan(minCount);
  return null;
}

export function countCell(value: number | null, hidden: Hidden, minCount: number): string {
  if (value !== null) return formatNumber(value);
  return hiddenText(hidden, minCount) ?? T.notAvailable;
}

/** Why a derived figure is null, from the inputs it was computed from. */
function missingDerived(inputs: ReadonlyArray<Input>): string {
  // Unavailable wins over hidden (spec/indicators.md "Suppression", property 4).
  if (inputs.some((i) => i.value === null && !i.hidden)) return T.notAvailable;
  if (inputs.some((i) => i.hidden)) return T.hiddenDerived;
  if (inputs.every((i) => i.value !== null) && inputs.at(-1)?.value === 0) return T.notComputable;
  return T.notAvailable;
}

type Input = { value: number | null; hidden?: Hidden };

export function changeCell(value: number | null, inputs: Input[]): string {
  return value === null ? missingDerived(inputs) : formatSignedNumber(value);
}

/** `inputs` lists the base (the comparison value) last, so a zero base reads "ej beräkningsbar". */
export function percentCell(value: number | null, inputs: Input[]): string {
  return value === null ? missingDerived(inputs) : formatPercentChange(value);
}

export function rateCell(value: number | null, inputs: Input[], population: number | null): string {
  if (value !== null) return formatNumber(value, 1);
  if (population === null) return T.notAvailable;
  return missingDerived(inputs);
}
