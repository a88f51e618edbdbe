/**
 * Reason codes as published. In `run.json` and `indicators.json` a reason carries no row value except a
 * category label (spec/inputs.md): `unknown_area:Storgatan 3` may hold an address, so it becomes
 * `unknown_area`; `unknown_category:Vapenbrott` stays as it is.
 */
export function publishableReason(reason: string): string {
  const colon = reason.indexOf(":");
  if (colon < 0) return reason;
  const code = reason.slice(0, colon);
  if (code === "unknown_category" || code === "missing_field" || code === "bad_number") return reason;
  return code;
}

/** Sums reason counts after making each reason publishable, keys sorted for stable output. */
export function publishableReasons(byReason: Readonly<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [reason, n] of Object.entries(byReason)) {
    const key = publishableReason(reason);
    out[key] = (out[key] ?? 0) + n;
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
