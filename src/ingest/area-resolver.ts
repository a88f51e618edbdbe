/**
 * An incident row's area (spec/inputs.md): an area id, name or alias, compared by `normaliseLabel`.
 * Empty → `okant` ("okänt område", counted in the kommun total and shown last). Unknown → `okant`
 * under `unknown_area: keep` (the default), or the rejection `unknown_area:<name>` under `reject`.
 */
import type { AreaConfig } from "../config/schema.ts";
import { normaliseLabel } from "../config/normalise-label.ts";
import { scrub } from "../core/scrub.ts";

export const UNKNOWN_AREA = "okant";
const CACHE_LIMIT = 10_000;

/** An area id, or a rejection reason (`{ reject: "unknown_area:Storgatan 3" }`). */
export type AreaOutcome = string | { reject: `unknown_area:${string}` };

export interface AreaResolver {
  resolve(cell: string): AreaOutcome;
}

export function buildAreaResolver(areas: readonly AreaConfig[], unknownArea: "keep" | "reject"): AreaResolver {
  const byName = new Map<string, string>();
  for (const area of areas) {
    for (const name of [area.id, area.name, ...area.aliases]) byName.set(normaliseLabel(name), area.id);
  }
  // Raw cell → outcome; bounded because an area column may hold free-form addresses.
  const cache = new Map<string, AreaOutcome>();

  const resolveUncached = (cell: string): AreaOutcome => {
    const key = normaliseLabel(cell);
    if (key === "") return UNKNOWN_AREA;
    const id = byName.get(key);
    if (id !== undefined) return id;
    if (unknownArea === "keep") return UNKNOWN_AREA;
    // The name may be an address or worse: scrubbed and bounded even though only the run summary shows it.
    return { reject: `unknown_area:${scrub(cell.replace(/\s+/g, " ").trim()).slice(0, 100)}` };
  };

  return {
    resolve(cell: string): AreaOutcome {
      let outcome = cache.get(cell);
      if (outcome === undefined) {
        outcome = resolveUncached(cell);
        if (cache.size < CACHE_LIMIT) cache.set(cell, outcome);
      }
      return outcome;
    },
  };
}
