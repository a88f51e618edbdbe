/**
 * Internal: how one figure reads in a table cell. A count is a number, "färre än k" when suppression
 * hid it, or "uppgift saknas" when it is unavailable; a derived figure (change, rate) whose input is
 * hidden reads "döljs", and a percentage against a zero base "ej beräkningsbar".
 */
import { formatNumber, formatPercentChange, formatSignedNumber } from "./format-sv.ts";
import { T, fewerThan } from "./wording.ts";

export function countCell(value: number | null, hidden: boolean | undefined, minCount: number): string {
  if (value !== null) return formatNumber(value);
  return hidden ? fewerThan(minCount) : T.notAvailable;
}

/** Why a derived figure is null, from the inputs it was computed from. */
function missingDerived(inputs: ReadonlyArray<{ value: number | null; hidden?: boolean | undefined }>): string {
  if (inputs.some((i) => i.hidden === true)) return T.hiddenDerived;
  if (inputs.every((i) => i.value !== null) && inputs.at(-1)?.value === 0) return T.notComputable;
  return T.notAvailable;
}

type Input = { value: number | null; hidden?: boolean | undefined };

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
