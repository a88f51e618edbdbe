/**
 * The comparison page's figures (issue 18, item 3): for one month, each kommun of a group with its
 * measures over the last 12 months per 100 000 inhabitants, the trend verdict and the latest survey
 * index, taken from that kommun's published `indicators.json` — so suppression, the population of the
 * month's year and every rounding are exactly the kommun report's own. Pure: the caller reads the files.
 */
import type { Indicators } from "../model/indicators.ts";
import type { Measure } from "../core/measure.ts";

/** SCB's län codes (the first two digits of a kommunkod) and names. */
export const LAN_NAMES: Readonly<Record<string, string>> = {
  "01": "Stockholms län", "03": "Uppsala län", "04": "Södermanlands län", "05": "Östergötlands län",
  "06": "Jönköpings län", "07": "Kronobergs län", "08": "Kalmar län", "09": "Gotlands län",
  "10": "Blekinge län", "12": "Skåne län", "13": "Hallands län", "14": "Västra Götalands län",
  "17": "Värmlands län", "18": "Örebro län", "19": "Västmanlands län", "20": "Dalarnas län",
  "21": "Gävleborgs län", "22": "Västernorrlands län", "23": "Jämtlands län", "24": "Västerbottens län",
  "25": "Norrbottens län",
};

export interface MeasureFigures {
  measure: Measure;
  /** The total's rolling 12 months, null when hidden or unavailable. */
  count: number | null;
  per100k: number | null;
  changePct: number | null;
  verdict: string | null;
}

export interface ComparisonRow {
  /** The kommun's folder in the group's output. */
  id: string;
  name: string;
  code: string;
  lan: string;
  /** The population the month's rates divide by (the month's year), null when unknown. */
  population: number | null;
  /** Null when the kommun has no published report for the month (failed or not built). */
  measures: MeasureFigures[] | null;
  /** Category id → rolling 12 months per 100 000 (null: hidden or unavailable). */
  categories: Record<string, number | null>;
  /** The kommun's first survey indicator; `versus`: its verdict against the first reference (survey-reference.ts). */
  survey: { name: string; year: number; value: number | null; versus: { name: string; verdict: string } | null } | null;
  /** The kommun's report page exists (not a `--only data` month). */
  hasReport: boolean;
}

export interface ComparisonCategory {
  id: string;
  name: string;
  measure: Measure;
}

/** One row from a kommun's published indicators for the month; `null` indicators: no report. */
export function comparisonRow(k: { id: string; name: string; code: string }, ind: Indicators | null, hasReport: boolean): ComparisonRow {
  const base = { id: k.id, name: k.name, code: k.code, lan: k.code.slice(0, 2), hasReport };
  if (ind === null) return { ...base, population: null, measures: null, categories: {}, survey: null };
  const area = ind.areas.find((a) => a.id === "kommun");
  const entries = area?.incidents ?? [];
  const totals = entries.filter((e) => e.category === "total" || e.category.startsWith("total:"));
  const measures = totals.map((e) => ({
    measure: e.measure,
    count: e.rolling_12m.count,
    per100k: e.rolling_12m.per_100k,
    changePct: e.rolling_12m.change_pct,
    verdict: e.trend?.verdict ?? null,
  }));
  const categories: Record<string, number | null> = {};
  for (const e of entries) if (!totals.includes(e)) categories[e.category] = e.rolling_12m.per_100k;
  const s = area?.survey?.[0];
  return {
    ...base,
    population: area?.population ?? null,
    measures,
    categories,
    survey: s === undefined ? null : { name: s.name, year: s.year, value: s.value, versus: s.reference?.[0] ? { name: s.reference[0].name, verdict: s.reference[0].verdict } : null },
    hasReport,
  };
}

/** The categories the rows show, in the first published kommun's order (every kommun shares them). */
export function comparisonCategories(indicators: ReadonlyArray<Indicators | null>): ComparisonCategory[] {
  const first = indicators.find((i) => i !== null);
  const entries = first?.areas.find((a) => a.id === "kommun")?.incidents ?? [];
  return entries.filter((e) => e.category !== "total" && !e.category.startsWith("total:")).map((e) => ({ id: e.category, name: e.name, measure: e.measure }));
}

const collator = new Intl.Collator("sv", { sensitivity: "base" });

/** By län, then kommun name in Swedish order (å, ä, ö last). */
export function byLanAndName(rows: ReadonlyArray<ComparisonRow>): ComparisonRow[] {
  return [...rows].sort((a, b) => (a.lan < b.lan ? -1 : a.lan > b.lan ? 1 : collator.compare(a.name, b.name) || (a.code < b.code ? -1 : 1)));
}

/** Highest rate of the first measure first; rows without a rate last, by name. */
export function byRate(rows: ReadonlyArray<ComparisonRow>): ComparisonRow[] {
  const rate = (r: ComparisonRow) => r.measures?.[0]?.per100k ?? null;
  return [...rows].sort((a, b) => {
    const x = rate(a);
    const y = rate(b);
    if (x !== null && y !== null && x !== y) return y - x;
    if (x === null && y !== null) return 1;
    if (y === null && x !== null) return -1;
    return collator.compare(a.name, b.name) || (a.code < b.code ? -1 : 1);
  });
}
