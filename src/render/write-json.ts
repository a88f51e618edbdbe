/**
 * Deterministic JSON for published files (`indicators.json`, `run.json`): 2-space indent, keys in
 * insertion order, numbers in their shortest form and never in exponent notation (spec/outputs.md), and a
 * trailing newline, so a month's file diffs cleanly against the previous one.
 */
import { plainNumber } from "./_decimal.ts";

/**
 * Like `JSON.stringify(value, null, 2) + "\n"`, except numbers are written without exponents.
 * @example stringifyJson({ p: 0.0000375 }) // '{\n  "p": 0.0000375\n}\n'
 */
export function stringifyJson(value: unknown): string {
  // Fast path (issue 7: the skip rule hashes every month's indicators on every run): the native writer
  // gives the same text whenever no number came out in exponent form; an exponent is a digit, "e" and
  // a sign, so any match (also one inside a string) falls back to the writer below.
  const native = nativeJson(value);
  if (native !== undefined && !/\de[+-]/.test(native)) return `${native}\n`;
  const out = write(value, "");
  if (out === undefined) throw new TypeError("stringifyJson: value is not JSON-serialisable");
  return `${out}\n`;
}

function nativeJson(value: unknown): string | undefined {
  try {
    return JSON.stringify(value, null, 2) as string | undefined;
  } catch {
    return undefined; // a bigint: the writer below handles it
  }
}

function write(value: unknown, indent: string): string | undefined {
  if (value !== null && typeof value === "object" && typeof (value as { toJSON?: unknown }).toJSON === "function") {
    value = (value as { toJSON: () => unknown }).toJSON();
  }
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
      return Array.isArray(value) ? writeArray(value, indent) : writeObject(value as Record<string, unknown>, indent);
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

function writeObject(obj: Record<string, unknown>, indent: string): string {
  const inner = `${indent}  `;
  const parts: string[] = [];
  for (const key of Object.keys(obj)) {
    const text = write(obj[key], inner);
    if (text !== undefined) parts.push(`${inner}${JSON.stringify(key)}: ${text}`);
  }
  return parts.length === 0 ? "{}" : `{\n${parts.join(",\n")}\n${indent}}`;
}
