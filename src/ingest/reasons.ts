/**
 * Reason codes as published. In `run.json` and `indicators.json` a reason carries no row value except a
 * category label (spec/inputs.md): `unknown_area:Storgatan 3` may hold an address, so it becomes
 * `unknown_area`; `unknown_category:Vapenbrott` stays as it is.
 */
export function publishableReason(reason: string): string {
  const colon = reason.indexOf(":");
  if (colon < 0) return reason;
  const code = reason.slice(0, colon);
  // A "label" that is a street address (a shifted or mis-mapped column) is withheld like an area cell.
  if (code === "unknown_category" && STREET_ADDRESS.test(reason.slice(colon + 1))) return `${code}:[borttaget]`;
  if (code === "unknown_category" || code === "missing_field" || code === "bad_number") return reason;
  return code;
}

/** "Storgatan 12B", "Kungsvägen 3", "Lilla torget 1": a street word followed by a house number. */
const STREET_ADDRESS = /\p{L}*(gatan|gata|vägen|väg|gränd|gränden|torget|torg|stigen|allén|backen|platsen|leden|plan|kajen|stranden|esplanaden)\s*\d{1,4}\s?\p{L}?\b/iu;

/** Sums reason counts after making each reason publishable, keys sorted for stable output. */
export function publishableReasons(byReason: Readonly<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [reason, n] of Object.entries(byReason)) {
    const key = publishableReason(reason);
    out[key] = (out[key] ?? 0) + n;
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
