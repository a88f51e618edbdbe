import { describe, expect, it } from "vitest";
import { binomialTails } from "../../../src/aggregate/binomial-trend.ts";

/** 12 months of history adding up to S (spread evenly; only the sum matters to the test). */
function history(S: number): number[] {
  return Array.from({ length: 12 }, (_, i) => Math.floor(S / 12) + (i < S % 12 ? 1 : 0));
}

/** a/b as the nearest double, for positive BigInts of any size (independent of the code under test). */
function ratioToNumber(a: bigint, b: bigint): number {
  if (a === 0n) return 0;
  const shift = b.toString().length - a.toString().length + 25;
  const q = shift >= 0 ? (a * 10n ** BigInt(shift)) / b : a / (b * 10n ** BigInt(-shift));
  return Number(`${q}e${-shift}`);
}

/**
 * Exact tails of Bin(n, 1/13) by brute force: P(X = k) = C(n, k)·12^(n−k) / 13^n, every term an exact
 * integer over the common denominator 13^n.
 */
function exactTails(x: number, n: number): { pUp: number; pDown: number } {
  const N = BigInt(n);
  let up = 0n;
  let down = 0n;
  let binom = 1n; // C(n, k)
  for (let k = 0; k <= n; k++) {
    const K = BigInt(k);
    if (k > 0) binom = (binom * (N - K + 1n)) / K;
    const term = binom * 12n ** (N - K);
    if (k >= x) up += term;
    if (k <= x) down += term;
  }
  const den = 13n ** N;
  return { pUp: ratioToNumber(up, den), pDown: ratioToNumber(down, den) };
}

/** Standard normal upper tail via Numerical Recipes' erfc (fractional error < 1.2e-7). */
function normalUpper(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * x);
  const erfc =
    t *
    Math.exp(
      -x * x - 1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 +
        t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return z >= 0 ? erfc / 2 : 1 - erfc / 2;
}

describe("binomialTails — against exact rational arithmetic", () => {
  const cases: Array<[number, number]> = [];
  for (let n = 1; n <= 60; n++) for (let x = 0; x <= n; x++) cases.push([x, n]);

  it("matches brute-force BigInt sums for every x and every n ≤ 60 to 1e-12 relative", () => {
    for (const [x, n] of cases) {
      const exact = exactTails(x, n);
      const got = binomialTails(x, n, 1 / 13);
      expect(Math.abs(got.pUp - exact.pUp)).toBeLessThanOrEqual(1e-12 * exact.pUp + 1e-300);
      expect(Math.abs(got.pDown - exact.pDown)).toBeLessThanOrEqual(1e-12 * exact.pDown + 1e-300);
    }
  });

  it.each([300, 360, 385, 420, 460])("matches the exact tails for n = 5000, x = %d to 1e-11 relative", (x) => {
    const exact = exactTails(x, 5000);
    const got = binomialTails(x, 5000, 1 / 13);
    expect(Math.abs(got.pUp - exact.pUp) / exact.pUp).toBeLessThan(1e-11);
    expect(Math.abs(got.pDown - exact.pDown) / exact.pDown).toBeLessThan(1e-11);
  });
});

describe("binomialTails — large n", () => {
  // n = 13 000 000: mean 1 000 000, sd = √(13e6·(1/13)·(12/13)) = √923076.9 = 960.77, skewness
  // γ = (1 − 2p)/sd = 0.000881. Reference: the continuity-corrected normal tail with the first Edgeworth
  // term, P(X ≥ x) ≈ Q(z) + γ/6·(z² − 1)·φ(z), z = (x − ½ − mean)/sd; the next terms are O(1/n).
  const n = 13_000_000;
  const mean = 1_000_000;
  const sd = Math.sqrt(n * (1 / 13) * (12 / 13));
  const gamma = (1 - 2 / 13) / sd;
  const upper = (x: number) => {
    const z = (x - 0.5 - mean) / sd;
    return normalUpper(z) + (gamma / 6) * (z * z - 1) * (Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI));
  };

  it.each([-5, -3, -2, -1, 0, 1, 2, 3, 5])("agrees with the Edgeworth-corrected normal tail at z = %d", (z) => {
    const x = Math.round(mean + z * sd);
    const got = binomialTails(x, n, 1 / 13);
    const up = upper(x);
    const down = 1 - upper(x + 1);
    expect(Math.abs(got.pUp - up) / up).toBeLessThan(1e-3);
    expect(Math.abs(got.pDown - down) / down).toBeLessThan(1e-3);
  });

  it("gives finite probabilities, never NaN, at the extremes", () => {
    for (const [x, S] of [[0, 5_000_000], [5_000_000, 0], [2_000_000, 3_000_000], [1, 4_999_999]] as const) {
      const { pUp, pDown } = binomialTails(x, x + S, 1 / 10);
      for (const p of [pUp, pDown]) {
        expect(Number.isFinite(p)).toBe(true);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
      }
    }
  });

  it("keeps p_up + p_down − P(X = x) = 1", () => {
    const { pUp, pDown } = binomialTails(1_000_400, n, 1 / 13);
    // P(X = x) near the mean ≈ 1/(sd·√(2π)) = 0.000415; the identity holds to double precision.
    expect(pUp + pDown - 1).toBeGreaterThan(0.0003);
    expect(pUp + pDown - 1).toBeLessThan(0.0005);
  });
});
