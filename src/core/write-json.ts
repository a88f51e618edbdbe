/**
 * Deterministic JSON for published files (`indicators.json`, `run.json`): 2-space indent, keys in
 * insertion order, numbers in their shortest form and never in exponent notation (spec/outputs.md), and a
 * trailing newline, so a month's file diffs cleanly against the previous one.
 */
import { plainNumber } from "./decimal.ts";

/**
 * Like `JSON.stringify(value, null, 2) + "\n"`, except numbers are written without exponents.
 * @example stringifyJson({ p: 0.0000375 }) // '{\n  "p": 0.0000375\n}\n'
 */
export function stringifyJson(value: unknown): string {
  // Fast path (issue 7: the skip rule hashes every month's indicators on every run): the native writer
  // gives the same text whenever no number came out in exponent form; an exponent is a digit, "e" and
  // a sign, so any match (also one inside a string) falls back to the writer below.
  const native = nativeJson(value);
  if (native !== undefined && !hasExponent(native)) return `${native}\n`;
  const out = write(value, "");
  if (out === undefined) throw new TypeError("stringifyJson: value is not JSON-serialisable");
  return `${out}\n`;
}

/**
 * Whether JSON text may hold a number in exponent form (a digit, "e" and a sign; a match inside a string
 * only costs the slow writer). The two substring searches first: over a 312-area month's 18 MB of
 * canonical indicators the regular expression alone took ~0.1 s, and "e+"/"e-" are rare in its text.
 */
function hasExponent(text: string): boolean {
  return (text.includes("e+") || text.includes("e-")) && /\de[+-]/.test(text);
}

function nativeJson(value: unknown): string | undefined {
  try {
    // Typed `string`, but undefined for undefined, a function or a symbol.
    const text: string | undefined = JSON.stringify(value, null, 2);
    return text;
  } catch {
    return undefined; // a bigint: the writer below handles it
  }
}

/** An object with its own JSON form (a Date, say), which JSON.stringify would write instead of it. */
function hasToJson(value: unknown): value is { toJSON: () => unknown } {
  return value !== null && typeof value === "object" && "toJSON" in value && typeof value.toJSON === "function";
}

function write(value: unknown, indent: string): string | undefined {
  if (hasToJson(value)) value = value.toJSON();
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "boolean":
      return value ? "true" : "false";
    case "number":
      // JSON has no NaN or Infinity; JSON.stringify writes null for them, and so do we.
      return Number.isFinite(value) ? plainNumber(value) : "null";
    case "bigint":
      return value.toString();
    case "object":
      if (value === null) return "null";
      return Array.isArray(value) ? writeArray(value, indent) : writeObject(value, indent);
    default:
      // undefined, functions and symbols: omitted from objects, null in arrays (as JSON.stringify does).
      return undefined;
  }
}

function writeArray(items: readonly unknown[], indent: string): string {
  if (items.length === 0) return "[]";
  const inner = `${indent}  `;
  const parts = items.map((item) => `${inner}${write(item, inner) ?? "null"}`);
  return `[\n${parts.join(",\n")}\n${indent}]`;
}

function writeObject(obj: object, indent: string): string {
  const inner = `${indent}  `;
  const parts: string[] = [];
  for (const [key, v] of Object.entries(obj)) {
    const text = write(v, inner);
    if (text !== undefined) parts.push(`${inner}${JSON.stringify(key)}: ${text}`);
  }
  return parts.length === 0 ? "{}" : `{\n${parts.join(",\n")}\n${indent}}`;
}

/** A string, number, boolean or null. */
function isScalar(value: unknown): boolean {
  return value === null || (typeof value !== "object" && typeof value !== "function");
}

/**
 * A value written on one line by `stringifyJsonCompactLeaves`: an object whose values are all scalars
 * (`{"count":19,"per_100k":73.7}`), or an array of scalars and such objects (a `series`).
 */
function isLeaf(value: unknown): boolean {
  if (Array.isArray(value)) return value.every((v) => isScalar(v) || (v !== null && typeof v === "object" && !Array.isArray(v) && isLeaf(v)));
  if (value === null || typeof value !== "object") return false;
  if (hasToJson(value)) return false;
  return Object.values(value).every(isScalar);
}

/**
 * `indicators.json`'s layout (issue 20): like `stringifyJson`, but each leaf (see isLeaf) on one line
 * without spaces. The file is the same JSON, values and key order; only white space differs. A kommun
 * with 312 areas wrote 20 MB, 70 % of it a 24-point `series` per entry spread over 144 lines of
 * indentation; on one line per series it is about 8 MB. Diffs stay line by line where they are read:
 * one line per figure block (`month`, `ytd`, `rolling_12m`, `trend`), and a series moves by a month
 * every month anyway, so its 24 lines all changed before too.
 */
export function stringifyJsonCompactLeaves(value: unknown): string {
  const out = writeCompact(value, "");
  if (out === undefined) throw new TypeError("stringifyJsonCompactLeaves: value is not JSON-serialisable");
  return `${out}\n`;
}

function writeCompact(value: unknown, indent: string): string | undefined {
  if (isLeaf(value)) {
    const native = nativeOneLine(value);
    // An exponent (or a bigint, which JSON.stringify refuses) goes through the plain-number writer.
    return native !== undefined && !hasExponent(native) ? native : oneLine(value);
  }
  if (value === null || typeof value !== "object" || hasToJson(value)) return write(value, indent);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return `[\n${value.map((item) => `${inner}${writeCompact(item, inner) ?? "null"}`).join(",\n")}\n${indent}]`;
  }
  const parts: string[] = [];
  for (const [key, v] of Object.entries(value)) {
    const text = writeCompact(v, inner);
    if (text !== undefined) parts.push(`${inner}${JSON.stringify(key)}: ${text}`);
  }
  return parts.length === 0 ? "{}" : `{\n${parts.join(",\n")}\n${indent}}`;
}

function nativeOneLine(value: unknown): string | undefined {
  try {
    const text: string | undefined = JSON.stringify(value);
    return text;
  } catch {
    return undefined;
  }
}

/** A leaf on one line through the plain-number writer (the slow path: only when a number has an exponent). */
function oneLine(value: unknown): string | undefined {
  if (Array.isArray(value)) return `[${value.map((v) => oneLine(v) ?? "null").join(",")}]`;
  if (value !== null && typeof value === "object") {
    const parts: string[] = [];
    for (const [key, v] of Object.entries(value)) {
      const text = write(v, "");
      if (text !== undefined) parts.push(`${JSON.stringify(key)}:${text}`);
    }
    return `{${parts.join(",")}}`;
  }
  return write(value, "");
}
