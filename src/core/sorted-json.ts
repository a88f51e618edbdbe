/**
 * JSON with object keys sorted (code-unit order) at every level, so two values equal in content give
 * the same text whatever the order their keys were written in (a YAML reordered, a record read back).
 * Arrays keep their order: it is content.
 *
 * @example sortedJson({ b: 1, a: { d: 2, c: 3 } }) // '{"a":{"c":3,"d":2},"b":1}'
 */
import { isRecord } from "./is-record.ts";

export function sortedJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (isRecord(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v));
}
