/**
 * Exact binomial tail probabilities for the trend test (seasonal-trend.ts): given x + S events, x is
 * Binomial(n = x + S, p) if the daily rate has not changed, p being the report month's share of the
 * exposure in days (the exact conditional test for two Poisson counts).
 *
 * n can be several million (a large kommun's total over 13 months), so probabilities are computed in log
 * space with Loader's saddle-point binomial density (the algorithm behind R's dbinom), which stays
 * accurate to ~1e-15 relative where lgamma differences would lose digits, and never overflows to NaN.
 */
const LN_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** ln(n!) for small n by direct summation (exact enough: a few ulps of a value below 30). */
function lnFactorialSmall(n: number): number {
  let s = 0;
  for (let i = 2; i <= n; i++) s += Math.log(i);
  return s;
}

/** stirlerr(n) = ln(n!) − [(n + ½)·ln(n) − n + ln√(2π)], the error of Stirling's formula (Loader 2000). */
function stirlerr(n: number): number {
  if (n <= 15) return lnFactorialSmall(n) - ((n + 0.5) * Math.log(n) - n + LN_SQRT_2PI);
  const nn = n * n;
  const S0 = 1 / 12;
  const S1 = 1 / 360;
  const S2 = 1 / 1260;
  const S3 = 1 / 1680;
  const S4 = 1 / 1188;
  return (S0 - (S1 - (S2 - (S3 - S4 / nn) / nn) / nn) / nn) / n;
}

/** bd0(x, np) = x·ln(x/np) + np − x, computed without cancellation when x ≈ np (Loader 2000). */
function bd0(x: number, np: number): number {
  if (Math.abs(x - np) < 0.1 * (x + np)) {
    let v = (x - np) / (x + np);
    let s = (x - np) * v;
    let ej = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1000; j++) {
      ej *= v;
      const s1 = s + ej / (2 * j + 1);
      if (s1 === s) return s1;
      s = s1;
    }
    return s;
  }
  return x * Math.log(x / np) + np - x;
}

/** ln P(X = k) for X ~ Bin(n, p), 0 ≤ k ≤ n, 0 < p < 1. */
export function binomialLogPmf(k: number, n: number, p: number): number {
  const q = 1 - p;
  if (k === 0) return n * Math.log1p(-p);
  if (k === n) return n * Math.log(p);
  const lc = stirlerr(n) - stirlerr(k) - stirlerr(n - k) - bd0(k, n * p) - bd0(n - k, n * q);
  const lf = Math.log(2 * Math.PI) + Math.log(k) + Math.log1p(-k / n);
  return lc - 0.5 * lf;
}

/**
 * Σ P(X = j) for j from k away from the mean (upwards when `up`), as exp(ln pmf(k) + ln Σ ratios): the
 * terms shrink monotonically on that side of the mode, so summing relative to the first term never
 * overflows, and stops once a term no longer changes the sum.
 */
function tailFrom(k: number, n: number, p: number, up: boolean): number {
  const odds = p / (1 - p);
  let rel = 1;
  let term = 1;
  if (up) {
    for (let j = k; j < n; j++) {
      term *= ((n - j) / (j + 1)) * odds;
      const next = rel + term;
      if (next === rel) break;
      rel = next;
    }
  } else {
    for (let j = k; j > 0; j--) {
      term *= (j / (n - j + 1)) / odds;
      const next = rel + term;
      if (next === rel) break;
      rel = next;
    }
  }
  return Math.exp(binomialLogPmf(k, n, p) + Math.log(rel));
}

/**
 * p_up = P(X ≥ x) and p_down = P(X ≤ x) for X ~ Bin(n, p). The tail on the far side of the mean is
 * summed directly (that is the small one, which needs relative accuracy); the other is its complement
 * plus P(X = x), which only needs absolute accuracy.
 */
export function binomialTails(x: number, n: number, p: number): { pUp: number; pDown: number } {
  if (!Number.isInteger(x) || !Number.isInteger(n) || x < 0 || x > n) throw new RangeError(`bad x=${x}, n=${n}`);
  const pmf = Math.exp(binomialLogPmf(x, n, p));
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  if (x >= n * p) {
    const pUp = clamp(tailFrom(x, n, p, true));
    return { pUp, pDown: clamp(1 - pUp + pmf) };
  }
  const pDown = clamp(tailFrom(x, n, p, false));
  return { pUp: clamp(1 - pDown + pmf), pDown };
}
