/**
 * `indicators.json` as written (issue 20: data files that scale). The figures are IndicatorsSchema's,
 * with one difference of layout: the band of normal variation of an entry's `series` is written once per
 * entry, as arrays parallel to the series, instead of as three keys on each of its 24 points:
 *
 *   "series": [{"month":"2024-10","count":1}, …],
 *   "normal": {"low":[0,…],"high":[6,…]}          (+ "suppressed":[null,"protects",…] when any is hidden)
 *
 * At 312 areas the per-point keys were 3.3 MB of the file's 9.3 MB (the key names alone 2.8 MB); the
 * spec's schema (spec/outputs.md) has `series` points of `month` and `count` only, which stay as they
 * were, so a reader of the spec's keys sees no difference. Readers in this program take the file through
 * IndicatorsFileSchema, which puts the band back on the points (the in-memory form every renderer and the
 * canonical hash use), and reads files written before this layout unchanged.
 */
import { z } from "zod";
import { IndicatorsSchema, type Indicators } from "./indicators.ts";

const bandValue = z.number().int().nullable();

/** An entry's band in the file: `low[i]`, `high[i]`, `suppressed[i]` belong to `series[i]`. */
export const SeriesBandSchema = z.object({
  low: z.array(bandValue),
  high: z.array(bandValue),
  /** Present when a point's band is hidden ("protects": it rests on a hidden baseline month). */
  suppressed: z.array(z.literal("protects").nullable()).optional(),
});
export type SeriesBand = z.infer<typeof SeriesBandSchema>;

const BAND_KEYS = new Set(["normal_low", "normal_high", "normal_suppressed"]);

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** `obj` with `key` replaced by `value` (or removed when undefined) and `insert` placed after it, key order kept. */
function rebuild(obj: Record<string, unknown>, key: string, value: unknown, insert: Record<string, unknown> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (k in insert) continue;
    if (k !== key) out[k] = v;
    else {
      if (value !== undefined) out[k] = value;
      Object.assign(out, insert);
    }
  }
  return out;
}

/** The value written to indicators.json for `ind` (in-memory form): each entry's band moved to `normal`. */
export function compactBands(ind: Indicators): Record<string, unknown> {
  const areas = ind.areas.map((area) => ({
    ...area,
    incidents: area.incidents.map((entry) => {
      // Only an entry whose every point carries a band (all built by aggregate/incident-figures.ts do).
      if (entry.series.length === 0 || entry.series.some((p) => p.normal_low === undefined)) return entry;
      const band: SeriesBand = { low: [], high: [] };
      const hidden: Array<"protects" | null> = [];
      const series = entry.series.map((p) => {
        band.low.push(p.normal_low ?? null);
        band.high.push(p.normal_high ?? null);
        hidden.push(p.normal_suppressed ?? null);
        return Object.fromEntries(Object.entries(p).filter(([k]) => !BAND_KEYS.has(k)));
      });
      if (hidden.some((h) => h !== null)) band.suppressed = hidden;
      return rebuild(entry, "series", series, { normal: band });
    }),
  }));
  return rebuild(ind, "areas", areas);
}

/**
 * The in-memory form of a parsed indicators.json: each entry's `normal` put back on its points (in the
 * points' own key order: after `count` and `suppressed`). Anything else, including a file written before
 * this layout, is returned as it is; a `normal` that does not fit its series makes the entry invalid, so
 * the schema refuses the file instead of dropping the band.
 */
export function expandBands(json: unknown): unknown {
  if (!isRecord(json) || !Array.isArray(json.areas)) return json;
  const areas = json.areas.map((area: unknown) => {
    if (!isRecord(area) || !Array.isArray(area.incidents)) return area;
    const incidents = area.incidents.map((entry: unknown) => {
      if (!isRecord(entry) || entry.normal === undefined) return entry;
      const band = SeriesBandSchema.safeParse(entry.normal);
      const series = entry.series;
      const n = Array.isArray(series) ? series.length : -1;
      if (!band.success || !Array.isArray(series) || band.data.low.length !== n || band.data.high.length !== n || (band.data.suppressed !== undefined && band.data.suppressed.length !== n)) {
        return rebuild(entry, "normal", undefined, { series: null });
      }
      const { low, high, suppressed } = band.data;
      const points = series.map((p: unknown, i) => {
        if (!isRecord(p)) return p;
        const hiddenBand = suppressed?.[i] ?? null;
        return { ...p, normal_low: low[i] ?? null, normal_high: high[i] ?? null, ...(hiddenBand !== null ? { normal_suppressed: hiddenBand } : {}) };
      });
      return rebuild(entry, "normal", undefined, { series: points });
    });
    return { ...area, incidents };
  });
  return { ...json, areas };
}

/** indicators.json as read from disk: this layout or the one before it, parsed to the in-memory form. */
export const IndicatorsFileSchema = z.preprocess(expandBands, IndicatorsSchema);
