/**
 * The population each per-100 000 figure divides by (spec/indicators.md: "population of m's year").
 * An area's population comes from the config (`population` for the kommun, `areas[].population`: one
 * number for every year, or per year) and from `kind: population` sources (SCB's folkmängd per region
 * and year). The config's own figure wins for a year both give: it was typed on purpose, often a
 * correction or a figure the table does not have yet.
 *
 * `rolling_12m.per_100k` uses the population of m's year too, like `month.per_100k`: the simple
 * reading of the spec, and the rate a reader compares with Brå's and Kolada's yearly rates, which
 * divide a year's count by that year's population. (A 12-month window straddling two years would
 * otherwise need a weighted population that no published table uses.)
 *
 * When m's year is missing, the nearest earlier year is used, else the nearest later one, and the
 * report says so once per year pair ("Befolkningen för 2026 saknas; 2025 års används.").
 */
import type { Config } from "../config/load-config.ts";
import type { PopulationRecord } from "../model/extra-records.ts";
import type { MonthNote } from "../model/month-notes.ts";

export type PopulationValue = number | Readonly<Record<string, number>>;

/** The figure used for a year, and the year it belongs to (null: one number for every year). */
export interface PopulationPick {
  value: number;
  year: number | null;
}

/**
 * `pickPopulation({ 2023: 25850, 2025: 25700 }, 2024)` → `{ value: 25850, year: 2023 }`;
 * `pickPopulation({ 2025: 25700 }, 2024)` → `{ value: 25700, year: 2025 }` (no earlier year: the nearest later).
 */
export function pickPopulation(population: PopulationValue | undefined, year: number): PopulationPick | null {
  if (population === undefined) return null;
  if (typeof population === "number") return { value: population, year: null };
  let earlier: { value: number; year: number } | null = null;
  let later: { value: number; year: number } | null = null;
  for (const [key, value] of Object.entries(population)) {
    const y = Number(key);
    if (y <= year && (earlier === null || y > earlier.year)) earlier = { value, year: y };
    if (y > year && (later === null || y < later.year)) later = { value, year: y };
  }
  return earlier ?? later;
}

/**
 * Every area's population per year, `kommun` included: the sources' records overlaid with the
 * config's figures. A single number in the config stands for every year, so it replaces the sources'.
 */
export function populationTables(config: Pick<Config, "population" | "areas">, records: ReadonlyArray<PopulationRecord>): Map<string, PopulationValue> {
  const fromSources = new Map<string, Record<string, number>>();
  for (const r of records) {
    const table = fromSources.get(r.area) ?? {};
    // The readers keep the first figure for an (area, year) across a source's files; across
    // sources the first configured source wins the same way.
    table[String(r.year)] ??= r.population;
    fromSources.set(r.area, table);
  }
  const merge = (id: string, own: PopulationValue | undefined): PopulationValue | undefined => {
    const table = fromSources.get(id);
    if (typeof own === "number" || table === undefined) return own;
    return own === undefined ? table : { ...table, ...own };
  };
  const out = new Map<string, PopulationValue>();
  const set = (id: string, v: PopulationValue | undefined) => {
    if (v !== undefined) out.set(id, v);
  };
  set("kommun", merge("kommun", config.population));
  for (const a of config.areas) set(a.id, merge(a.id, a.population));
  return out;
}

/**
 * The report's notes for populations taken from another year, one per (missing year, used year), newest
 * used year first: for the whole kommun, naming the areas (ids) when only they fall back. Worded by
 * render/coverage-text.ts ("Befolkningen för 2026 saknas; 2025 års används …").
 */
export function populationNotes(year: number, picks: ReadonlyArray<{ id: string; kommun: boolean; pick: PopulationPick | null }>): MonthNote[] {
  const byUsed = new Map<number, { kommun: boolean; areas: string[] }>();
  for (const p of picks) {
    if (p.pick === null || p.pick.year === null || p.pick.year === year) continue;
    const entry = byUsed.get(p.pick.year) ?? { kommun: false, areas: [] };
    if (p.kommun) entry.kommun = true;
    else entry.areas.push(p.id);
    byUsed.set(p.pick.year, entry);
  }
  return [...byUsed].sort(([a], [b]) => b - a).map(([used, e]): MonthNote => ({ kind: "population_fallback", year, used, kommun: e.kommun, areas: e.areas }));
}
