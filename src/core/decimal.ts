/**
 * Internal: exact decimal strings for numbers, shared by the JSON writer, the CSV writer and the Swedish
 * formatter. Everything works on the digits of the number's shortest round-trip form (`String(n)`), never
 * on `toFixed`, whose binary rounding turns 0.05 into "0.1" but 1.005 into "1.00" (spec/indicators.md:
 * rounding half away from zero on the exact value).
 */

/**
 * The shortest round-trip form of `n`, never in exponent notation (spec: `0.0000375`, not `3.75e-5`).
 * @example plainNumber(3.75e-5) // "0.0000375"
 * @example plainNumber(1e21)    // "1000000000000000000000"
 */
export function plainNumber(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${n}`);
  const s = String(n);
  const e = s.indexOf("e");
  if (e < 0) return s;
  const negative = s.startsWith("-");
  const mantissa = s.slice(negative ? 1 : 0, e);
  const exponent = Number(s.slice(e + 1));
  const [intPart = "", fracPart = ""] = mantissa.split(".");
  const digits = intPart + fracPart;
  // Position of the decimal point within `digits` after shifting by the exponent.
  const point = intPart.length + exponent;
  let out: string;
  if (point <= 0) out = `0.${"0".repeat(-point)}${digits}`;
  else if (point >= digits.length) out = digits + "0".repeat(point - digits.length);
  else out = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return (negative ? "-" : "") + out;
}

/** Sign, integer digits and fraction digits of `n` rounded half away from zero to `decimals` places. */
export function roundedParts(n: number, decimals: number): { negative: boolean; int: string; frac: string } {
  const plain = plainNumber(n);
  const negative = plain.startsWith("-");
  const [intRaw = "0", fracRaw = ""] = (negative ? plain.slice(1) : plain).split(".");
  const frac = fracRaw.padEnd(decimals + 1, "0");
  let kept = intRaw + frac.slice(0, decimals);
  // Half away from zero: the magnitude rounds up when the first dropped digit is 5 or more.
  if (Number(frac[decimals]) >= 5) kept = incrementDigits(kept);
  const intLen = kept.length - decimals;
  const int = kept.slice(0, intLen).replace(/^0+(?=\d)/, "") || "0";
  const fracOut = kept.slice(intLen);
  const isZero = /^0*$/.test(int + fracOut);
  return { negative: negative && !isZero, int, frac: fracOut };
}

function incrementDigits(digits: string): string {
  const chars = digits.split("");
  for (let i = chars.length - 1; i >= 0; i--) {
    if (chars[i] === "9") chars[i] = "0";
    else {
      chars[i] = String(Number(chars[i]) + 1);
      return chars.join("");
    }
  }
  return "1" + chars.join("");
}
