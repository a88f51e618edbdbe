/**
 * Rounding as spec/indicators.md requires: "half away from zero (computed on the exact value, not with
 * floating-point `toFixed`)". A figure such as change_pct = 100·(a−b)/b is a rational number; dividing
 * in floating point first and rounding afterwards can land just below a tie (e.g. 201/200 = 1.005 is
 * stored as 1.00499…), so the division and the rounding are done together in BigInt arithmetic.
 *
 * Non-integer inputs (hours, survey values) are taken at the exact value of their binary double, which
 * is still better than `toFixed`'s decimal shortcut and keeps one code path.
 */

interface Rational {
  num: bigint;
  den: bigint;
}

/** The exact value of a finite double as a fraction num/2^k. */
function toRational(x: number): Rational {
  if (!Number.isFinite(x)) throw new RangeError(`cannot round a non-finite value: ${x}`);
  if (Number.isInteger(x)) return { num: BigInt(x), den: 1n };
  // Doubling is exact in binary floating point, and a finite double becomes an integer after at most
  // 1074 doublings, so this loop terminates with the exact fraction.
  let scaled = x;
  let den = 1n;
  while (!Number.isInteger(scaled)) {
    scaled *= 2;
    den *= 2n;
  }
  return { num: BigInt(scaled), den };
}

/** round(|num|/den) half away from zero, for den > 0. */
function roundHalfUpAbs(num: bigint, den: bigint): bigint {
  const abs = num < 0n ? -num : num;
  const q = abs / den;
  const r = abs % den;
  return 2n * r >= den ? q + 1n : q;
}

/** The double nearest to `digits`·10^exp, via the correctly rounded decimal parser. */
function fromScaled(digits: bigint, negative: boolean, exp: number): number {
  const value = Number(`${digits}e${exp}`);
  return negative && value !== 0 ? -value : value;
}

/**
 * numerator / denominator rounded half away from zero to `decimals` decimals, exactly.
 *
 * @example roundRatio(100 * (4 - 3), 8, 1) // 12.5
 * @example roundRatio(-100, 16, 1) // -6.3 (−6.25 rounds away from zero)
 * @example roundRatio(201, 200, 2) // 1.01, where (1.005).toFixed(2) gives "1.00"
 */
export function roundRatio(numerator: number, denominator: number, decimals: number): number {
  if (!Number.isInteger(decimals) || decimals < 0) throw new RangeError(`bad decimals: ${decimals}`);
  if (denominator === 0) throw new RangeError("division by zero");
  const a = toRational(numerator);
  const b = toRational(denominator);
  // (a.num/a.den) / (b.num/b.den) · 10^d = a.num·b.den·10^d / (a.den·b.num)
  let num = a.num * b.den * 10n ** BigInt(decimals);
  let den = a.den * b.num;
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  return fromScaled(roundHalfUpAbs(num, den), num < 0n, -decimals);
}

/** x rounded half away from zero to `decimals` decimals, on x's exact value. */
export function roundDecimal(x: number, decimals: number): number {
  return roundRatio(x, 1, decimals);
}

/**
 * x rounded half away from zero to `digits` significant digits (p-values: 4).
 *
 * @example roundSignificant(0.000910332, 4) // 0.0009103
 * @example roundSignificant(0.99995, 4) // 1 (the digits carry over into the next power of ten)
 */
export function roundSignificant(x: number, digits: number): number {
  if (!Number.isInteger(digits) || digits < 1) throw new RangeError(`bad digits: ${digits}`);
  if (x === 0) return 0;
  const { num, den } = toRational(x);
  const negative = num < 0n;
  const abs = negative ? -num : num;
  const low = 10n ** BigInt(digits - 1);
  const high = 10n ** BigInt(digits);
  // Find e with 10^(digits−1) ≤ |x|·10^e < 10^digits; log10 gives a guess that is off by at most one.
  let e = digits - 1 - Math.floor(Math.log10(Math.abs(x)));
  const scaledFloor = (exp: number): bigint =>
    exp >= 0 ? (abs * 10n ** BigInt(exp)) / den : abs / (den * 10n ** BigInt(-exp));
  while (scaledFloor(e) >= high) e--;
  while (scaledFloor(e) < low) e++;
  const scaledNum = e >= 0 ? abs * 10n ** BigInt(e) : abs;
  const scaledDen = e >= 0 ? den : den * 10n ** BigInt(-e);
  // A carry to 10^digits (0.99995 → 1.000) is still the right value; the parser handles the digits.
  return fromScaled(roundHalfUpAbs(scaledNum, scaledDen), negative, -e);
}
