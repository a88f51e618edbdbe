/**
 * Benjamini–Hochberg q-values (spec/indicators.md "Many tests, few false alarms"). A report tests every
 * area × category each month; at 5 % each, several "changes" a month would be noise. BH controls the
 * expected share of false alarms among the flagged cells instead of the chance of each one.
 */

/**
 * q(i) = min over j ≥ i of min(1, p(j) · n / j) for the p-values sorted ascending, returned in the input's
 * order. Ties get the same q (the minimum runs over both).
 *
 * @example benjaminiHochberg([0.01, 0.04, 0.03]) // [0.03, 0.04, 0.04]
 */
export function benjaminiHochberg(pValues: ReadonlyArray<number>): number[] {
  const n = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p || a.i - b.i);
  const q = new Array<number>(n);
  let running = 1;
  for (let rank = n; rank >= 1; rank--) {
    const entry = order[rank - 1];
    if (entry === undefined) continue; // never: rank runs over the list's own positions
    const { p, i } = entry;
    running = Math.min(running, (p * n) / rank);
    q[i] = running;
  }
  return q;
}
