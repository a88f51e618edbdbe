/**
 * The Wilson score interval for a share (spec/indicators.md "Survey figures": a 95 % interval beside a
 * share computed from respondent rows). Wilson rather than the plain normal interval because it stays
 * inside 0–100 % and behaves for the small bases an area's survey gives (Brown, Cai & DasGupta 2001).
 */
/** The 97.5 % quantile of the standard normal distribution. */
export const Z95 = 1.959963984540054;

/** `wilson(12, 40)` → `{ low: 0.18075…, high: 0.45430… }` (shares, not percent). */
export function wilson(successes: number, n: number, z = Z95): { low: number; high: number } {
  if (n <= 0) throw new RangeError("n must be positive");
  const p = successes / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}
