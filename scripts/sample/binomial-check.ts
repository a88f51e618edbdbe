/**
 * An independent re-implementation of the trend test of spec/indicators.md, so the sample's story is
 * checked without trusting the pipeline's own code: x = this month, S = the 12 months before, and
 * X ~ Bin(x + S, 1/13). Tail sums are done in log space so large n cannot underflow.
 */

export type Verdict = "increase" | "decrease" | "normal";

export interface TrendCheck {
  x: number;
  s: number;
  pUp: number;
  pDown: number;
  verdict: Verdict;
}

/** log P(X = k) for k = 0..n, X ~ Bin(n, p), by the ratio recurrence P(k+1)/P(k) = (n−k)/(k+1) · p/(1−p). */
function logPmf(n: number, p: number): number[] {
  const out = [n * Math.log1p(-p)];
  const ratio = Math.log(p) - Math.log1p(-p);
  for (let k = 0; k < n; k++) out.push((out[k] ?? 0) + Math.log(n - k) - Math.log(k + 1) + ratio);
  return out;
}

function logSumExp(values: ReadonlyArray<number>): number {
  if (values.length === 0) return -Infinity;
  // A loop, not Math.max(...values): spreading a benchmark-sized array overflows the call stack.
  let max = -Infinity;
  for (const v of values) if (v > max) max = v;
  let sum = 0;
  for (const v of values) sum += Math.exp(v - max);
  return max + Math.log(sum);
}

/** The spec's trend test for a month count `x` against the sum `s` of the 12 months before it. */
export function trendCheck(x: number, s: number): TrendCheck {
  const n = x + s;
  if (n === 0) return { x, s, pUp: 1, pDown: 1, verdict: "normal" };
  const logs = logPmf(n, 1 / 13);
  const pUp = Math.min(1, Math.exp(logSumExp(logs.slice(x))));
  const pDown = Math.min(1, Math.exp(logSumExp(logs.slice(0, x + 1))));
  const verdict: Verdict = pUp < 0.025 ? "increase" : pDown < 0.025 ? "decrease" : "normal";
  return { x, s, pUp, pDown, verdict };
}
