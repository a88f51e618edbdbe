/**
 * A source's label lookup (spec/cli.md): `categories` maps a label to a category id; `ignore` patterns
 * (`*` is a wildcard) apply only to labels that `categories` does not map, so `ignore: ["*"]` means
 * "everything not mapped is deliberately left out". Labels compare by `normaliseLabel`.
 */
import { normaliseLabel } from "../../config/normalise-label.ts";

/** What a label means for a row: a category id, deliberately ignored, or unknown (rejected). */
export type LabelOutcome = { kind: "mapped"; id: string } | { kind: "ignored" } | { kind: "unknown" };

export interface LabelMap {
  lookup(label: string): LabelOutcome;
}

const IGNORED: LabelOutcome = { kind: "ignored" };
const UNKNOWN: LabelOutcome = { kind: "unknown" };
/** Raw cell texts remembered; real exports have a few hundred distinct labels at most. */
const CACHE_LIMIT = 10_000;

function patternToRegExp(pattern: string): RegExp {
  const escaped = normaliseLabel(pattern)
    .split("*")
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${escaped}$`, "u");
}

export function buildLabelMap(categories: Readonly<Record<string, string>>, ignore: readonly string[]): LabelMap {
  const mapped = new Map<string, LabelOutcome>();
  for (const [label, id] of Object.entries(categories)) mapped.set(normaliseLabel(label), { kind: "mapped", id });
  const patterns = ignore.map(patternToRegExp);
  // Keyed by the raw cell so the per-row path skips normalisation for labels seen before.
  const cache = new Map<string, LabelOutcome>();

  const resolve = (label: string): LabelOutcome => {
    const key = normaliseLabel(label);
    const hit = mapped.get(key);
    if (hit !== undefined) return hit;
    return patterns.some((re) => re.test(key)) ? IGNORED : UNKNOWN;
  };

  return {
    lookup(label: string): LabelOutcome {
      let outcome = cache.get(label);
      if (outcome === undefined) {
        outcome = resolve(label);
        if (cache.size < CACHE_LIMIT) cache.set(label, outcome);
      }
      return outcome;
    },
  };
}
