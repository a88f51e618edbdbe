/**
 * Whether a value read from outside (parsed JSON or YAML, an API's answer) is an object whose fields
 * can be looked up by name: not null, not an array. Its fields are `unknown` until each is checked.
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
