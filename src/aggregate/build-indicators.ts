/**
 * Builds `indicators.json` (spec/outputs.md) for one report month from ingested incident counts: pure,
 * no I/O, no clock (generated-at is passed in). Objects are built in the schema's key order so the
 * published file diffs cleanly month to month; suppression is a separate step (suppress.ts).
 */
import type { Config } from "../config/load-config.ts";
import type { IncidentSourceConfig } from "../config/schema.ts";
import { isYearMonth, monthYear } from "../core/month.ts";
import { groupKey, type IncidentSourceData } from "../ingest/types.ts";
import { sourceFileSummary } from "./source-file-summary.ts";
import { checkReportMonth, isAvailable, sourceCoverage, type SourceCoverage } from "./coverage.ts";
import { incidentFigures, populationForYear, type CountOf } from "./incident-figures.ts";
import type { AreaEntry, IncidentEntry, Indicators } from "./indicators-schema.ts";
import { extraAreaFigures, extraSourceSummaries, extraTopFigures } from "./extra-figures.ts";
import type { ActionSourceData, FieldSourceData, SurveySourceData } from "../ingest/extra-source-types.ts";

export interface BuildIndicatorsInput {
  config: Config;
  /** The report month m, `YYYY-MM`. */
  month: string;
  /** The run's "now" (ISO-8601 with offset): written out, and the reference for coverage. */
  generatedAt: string;
  revision: number;
  incidents: IncidentSourceData[];
  /** Survey, field-report and actions data (IngestResult's optional arrays). */
  surveys?: SurveySourceData[] | undefined;
  field?: FieldSourceData[] | undefined;
  actions?: ActionSourceData[] | undefined;
}

const KOMMUN = "kommun";
const OKANT = "okant";
const TOTAL = "total";

/** The calendar month (in the config's zone) containing an instant: months not yet ended are not covered. */
export function monthContaining(isoInstant: string, timeZone: string): string {
  const ms = Date.parse(isoInstant);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO-8601 instant: ${isoInstant}`);
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit" }).formatToParts(ms);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}`;
}

/** Σ counts per (area, month, category) over all sources, plus `kommun` (every area incl. okant) and `total`. */
function combineCounts(incidents: ReadonlyArray<IncidentSourceData>, categoryIds: ReadonlySet<string>): Map<string, number> {
  const out = new Map<string, number>();
  const add = (key: string, n: number) => out.set(key, (out.get(key) ?? 0) + n);
  for (const source of incidents) {
    for (const [key, n] of source.counts) {
      const [area, month, category] = key.split("\t") as [string, string, string];
      // `total` is "all categories" = the sum of the categories shown; a label ingest could not map
      // never reaches here.
      if (!categoryIds.has(category)) continue;
      add(key, n);
      add(groupKey(area, month, TOTAL), n);
      // kommun counts every accepted row whatever its area (spec/indicators.md).
      add(groupKey(KOMMUN, month, category), n);
      add(groupKey(KOMMUN, month, TOTAL), n);
    }
  }
  return out;
}

export function buildIndicators(input: BuildIndicatorsInput): {
  indicators: Indicators;
  notes: string[];
  /** N(area, category, t) for any month, null where unavailable: what the suppression plan reads. */
  count: (area: string, category: string, t: string) => number | null;
} {
  const { config, month, generatedAt, revision, incidents } = input;
  if (!isYearMonth(month)) throw new RangeError(`not a YYYY-MM month: ${month}`);
  const currentMonth = monthContaining(generatedAt, config.timezone);

  const incidentConfigs = config.sources.filter((s): s is IncidentSourceConfig => s.kind === "incidents");
  const dataById = new Map(incidents.map((d) => [d.sourceId, d]));
  for (const d of incidents) {
    if (!incidentConfigs.some((s) => s.id === d.sourceId)) throw new Error(`incident data for unknown source ${d.sourceId}`);
  }

  const categoryIds = config.categories.map((c) => c.id);
  const coverages: SourceCoverage[] = incidentConfigs.map((s) => {
    const data = dataById.get(s.id);
    const mapped = new Set(Object.values(s.categories));
    return {
      sourceId: s.id,
      required: s.required,
      // Config order, so notes list categories as the report does.
      categories: new Set(categoryIds.filter((c) => mapped.has(c))),
      coverage: sourceCoverage({ firstMonth: data?.firstMonth ?? null, lastMonth: data?.lastMonth ?? null }, s, currentMonth),
    };
  });

  const categoryNames = new Map(config.categories.map((c) => [c.id, c.name]));
  const notes = checkReportMonth(coverages, month, categoryNames);

  // A source without areas makes the area cells of its categories unavailable, never a partial sum
  // (spec/inputs.md "aggregated-csv"); `total` at area level then lacks part of its rows too.
  const arealess = new Set<string>();
  for (const c of coverages) {
    if (!dataById.get(c.sourceId)?.arealess || c.categories.size === 0) continue;
    for (const cat of c.categories) arealess.add(cat);
    arealess.add(TOTAL);
    const names = [...c.categories].map((cat) => categoryNames.get(cat) ?? cat).join(", ");
    notes.push(`Källan ${c.sourceId} saknar uppgift om område: ${names} och Alla kategorier redovisas bara för hela kommunen.`);
  }

  const counts = combineCounts(incidents, new Set(categoryIds));
  const countOf = (area: string, category: string): CountOf => (t) => {
    if (!isAvailable(coverages, category, t)) return null;
    if (area !== KOMMUN && arealess.has(category)) return null;
    return counts.get(groupKey(area, t, category)) ?? 0;
  };

  const categories = [
    ...config.categories.map((c) => ({ id: c.id, name: c.name, group: c.group as string | null })),
    { id: TOTAL, name: "Alla kategorier", group: null },
  ];
  const entry = (area: string, population: number | null) =>
    categories.map((c): IncidentEntry => {
      const f = incidentFigures(countOf(area, c.id), month, population);
      return {
        category: c.id,
        name: c.name,
        group: c.group,
        suppressed: false,
        month: f.month,
        ytd: f.ytd,
        rolling_12m: f.rolling_12m,
        trend: f.trend,
        series: f.series,
      };
    });
  const area = (id: string, name: string, population: number | null): AreaEntry => ({
    id,
    name,
    population,
    incidents: entry(id, population),
    ...extraAreaFigures(input, id),
  });

  const areas: AreaEntry[] = [
    area(KOMMUN, "Hela kommunen", populationForYear(config.population, monthYear(month))),
    ...config.areas.map((a) => area(a.id, a.name, a.population ?? null)),
    area(OKANT, "Okänt område", null),
  ];

  const sources: Indicators["sources"] = incidentConfigs.map((s, i) => ({
    id: s.id,
    kind: s.kind,
    covers: { from: coverages[i]!.coverage.from, to: coverages[i]!.coverage.to },
    files: (dataById.get(s.id)?.files ?? []).map(sourceFileSummary),
  }));

  const indicators: Indicators = {
    schema: "lagesbild.indicators/v1",
    kommun: { code: config.kommun.code, name: config.kommun.name },
    month,
    generated_at: generatedAt,
    revision,
    sources: [...sources, ...extraSourceSummaries(input)],
    areas,
    ...extraTopFigures(input),
  };
  return { indicators, notes, count: (a, c, t) => countOf(a, c)(t) };
}
