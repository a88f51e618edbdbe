/**
 * Internal: how one figure reads in a table cell. A count is a number, "färre än k" when suppression
 * hid it as small, "döljs" when it is hidden to protect another value (it may be large), or "uppgift
 * saknas" when it is unavailable; a derived figure (change, rate) whose input is hidden reads "döljs",
 * and a percentage against a zero base "ej beräkningsbar".
 */
import { formatNumber, formatPercentChange, formatSignedNumber } from "./format-sv.ts";
import { T, fewerThan } from "./wording.ts";
import { hiddenKindOf } from "./_figure-value.ts";

/**
 * Why a value is hidden, as published: a kind ("small", "protects") or a flag of a file published
 * before the kinds (`true`, `false`). Read only through _figure-value.ts hiddenKindOf, the reading the
 * page's table and the CSVs share.
 */
export type Hidden = unknown;

/** The words for a hidden value, or null when it is not hidden. */
export function hiddenText(hidden: Hidden, minCount: number): string | null {
  const kind = hiddenKindOf(hidden);
  if (kind === "protects") return T.hiddenDerived;
  return kind === "small" ? fewerThan(minCount) : null;
}

export function countCell(value: number | null, hidden: Hidden, minCount: number): string {
  if (value !== null) return formatNumber(value);
  return hiddenText(hidden, minCount) ?? T.notAvailable;
}

/** Why a derived figure is null, from the inputs it was computed from. */
function missingDerived(inputs: ReadonlyArray<Input>): string {
  // Unavailable wins over hidden (spec/indicators.md "Suppression", property 4).
  const hidden = (i: Input) => hiddenKindOf(i.hidden) !== undefined;
  if (inputs.some((i) => i.value === null && !hidden(i))) return T.notAvailable;
  if (inputs.some(hidden)) return T.hiddenDerived;
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
