/**
 * Builds `indicators.json` (spec/outputs.md) for one report month from ingested incident counts: pure,
 * no I/O, no clock (generated-at is passed in). Objects are built in the schema's key order so the
 * published file diffs cleanly month to month; suppression is a separate step (suppress.ts).
 */
import type { Config } from "../config/load-config.ts";
import type { IncidentSourceConfig } from "../config/schema.ts";
import { categoryMeasures, measuresUsed } from "../config/category-measures.ts";
import { TOTAL_NAME } from "../config/total-names.ts";
import { sourceMeasure, totalId, type Measure } from "../core/measure.ts";
import { isYearMonth, monthFromIndex, monthIndex, monthYear } from "../core/month.ts";
import type { IncidentSourceData } from "../model/records.ts";
import { sourceFileSummary } from "./source-file-summary.ts";
import { checkReportMonth, isAvailable, sourceCoverage, type Coverage, type SourceCoverage } from "./coverage.ts";
import { pollGapNotes } from "./poll-coverage.ts";
import { incidentFiguresAt, type CountAt } from "./incident-figures.ts";
import { CountTable, KOMMUN } from "./count-table.ts";
import { monthTrends, type TrendCell, type TrendFamily } from "./month-trends.ts";
import type { AreaEntry, IncidentEntry, Indicators } from "../model/indicators.ts";
import { extraAreaFigures, extraSourceSummaries, extraTopFigures } from "./extra-figures.ts";
import type { ActionSourceData, FieldSourceData, PopulationSourceData, ReferenceSourceData, SurveySourceData } from "../model/extra-records.ts";
import { pickPopulation, populationNotes, populationTables } from "./population-by-year.ts";

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
  /** Population per year from `kind: population` sources (population-by-year.ts). */
  population?: PopulationSourceData[] | undefined;
  /** Reference rates (`kind: reference`): listed under `sources`, shown through the config (reference-periods.ts). */
  reference?: ReferenceSourceData[] | undefined;
}

const OKANT = "okant";

/** The calendar month (in the config's zone) containing an instant: months not yet ended are not covered. */
export function monthContaining(isoInstant: string, timeZone: string): string {
  const ms = Date.parse(isoInstant);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO-8601 instant: ${isoInstant}`);
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit" }).formatToParts(ms);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}`;
}

/** `sources[].covers` as published: `gaps` only when the range has holes (model/indicators.ts). */
function coversEntry(c: Coverage): Indicators["sources"][number]["covers"] {
  return c.gaps.length > 0 ? { from: c.from, to: c.to, gaps: [...c.gaps] } : { from: c.from, to: c.to };
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
  const reportMonth = monthIndex(month);

  const incidentConfigs = config.sources.filter((s): s is IncidentSourceConfig => s.kind === "incidents");
  const dataById = new Map(incidents.map((d) => [d.sourceId, d]));
  for (const d of incidents) {
    if (!incidentConfigs.some((s) => s.id === d.sourceId)) throw new Error(`incident data for unknown source ${d.sourceId}`);
  }

  const categoryIds = config.categories.map((c) => c.id);
  const measures = measuresUsed(config);
  const measureOf = categoryMeasures(config);
  const totalOf = new Map(categoryIds.flatMap((c) => {
    const m = measureOf.get(c);
    return m === undefined ? [] : [[c, totalId(m, measures)] as const];
  }));
  const coverages: SourceCoverage[] = incidentConfigs.map((s) => {
    const data = dataById.get(s.id);
    const mapped = new Set(Object.values(s.categories));
    return {
      sourceId: s.id,
      required: s.required,
      measure: sourceMeasure(s),
      total: totalId(sourceMeasure(s), measures),
      // Config order, so notes list categories as the report does.
      categories: new Set(categoryIds.filter((c) => mapped.has(c))),
      coverage: sourceCoverage(data?.files ?? [], s, currentMonth, data?.polled),
    };
  });

  const totals = measures.map((m) => ({ id: totalId(m, measures), name: TOTAL_NAME[m], group: null, measure: m }));
  const categoryNames = new Map([...config.categories.map((c) => [c.id, c.name] as const), ...totals.map((t) => [t.id, t.name] as const)]);
  const keyPaths = new Map(config.sources.map((s, i) => [s.id, `sources[${i}]`]));
  const notes = checkReportMonth(coverages, month, categoryNames, keyPaths);
  // Gaps between the polls of an archive built by `lagesbild hamta polisen` (poll-coverage.ts).
  for (const d of incidents) notes.push(...pollGapNotes(d.sourceId, d.polled, month, config.timezone));

  // A source without areas makes the area cells of its categories unavailable, never a partial sum
  // (spec/inputs.md "aggregated-csv"); its measure's total at area level then lacks part of its rows too.
  const arealess = new Set<string>();
  for (const c of coverages) {
    if (!dataById.get(c.sourceId)?.arealess || c.categories.size === 0) continue;
    for (const cat of c.categories) arealess.add(cat);
    const total = c.total ?? "total";
    arealess.add(total);
    const names = [...c.categories].map((cat) => categoryNames.get(cat) ?? cat).join(", ");
    notes.push(`Källan ${c.sourceId} saknar uppgift om område: ${names} och ${categoryNames.get(total) ?? total} redovisas bara för hela kommunen.`);
  }

  // Config order, then the totals in the fixed measure order (spec/outputs.md).
  const categories: Array<{ id: string; name: string; group: string | null; measure: Measure }> = [
    ...config.categories.map((c) => ({ id: c.id, name: c.name, group: c.group, measure: measureOf.get(c.id) ?? measures[0] ?? "brott" })),
    ...totals,
  ];
  const table = CountTable.build(
    incidents.map((d) => d.counts),
    [KOMMUN, ...config.areas.map((a) => a.id), OKANT],
    categories.map((c) => c.id),
    totalOf,
  );
  // Availability depends on the category and month only: judged once per (category, month), not per cell.
  const available = new Map<string, Map<number, boolean>>();
  const isAvailableAt = (category: string, m: number): boolean => {
    let byMonth = available.get(category);
    if (byMonth === undefined) available.set(category, (byMonth = new Map()));
    let yes = byMonth.get(m);
    if (yes === undefined) byMonth.set(m, (yes = isAvailable(coverages, category, monthFromIndex(m))));
    return yes;
  };
  const countAt = (area: string, category: string): CountAt => {
    const cell = table.cell(area, category);
    const withoutArea = area !== KOMMUN && arealess.has(category);
    return (m) => (!isAvailableAt(category, m) || withoutArea ? null : table.value(cell, m));
  };
  const family = (area: string): TrendFamily => (area === KOMMUN ? "kommun" : area === OKANT ? null : "areas");

  const cells: TrendCell[] = [];
  const entry = (area: string, population: number | null) =>
    categories.map((c): IncidentEntry => {
      const { test, ...f } = incidentFiguresAt(countAt(area, c.id), reportMonth, population);
      cells.push({ family: family(area), test });
      return {
        category: c.id,
        name: c.name,
        group: c.group,
        measure: c.measure,
        suppressed: false,
        month: f.month,
        ytd: f.ytd,
        rolling_12m: f.rolling_12m,
        trend: null,
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

  // Every per-100 000 of the month uses the population of m's year (population-by-year.ts).
  const year = monthYear(month);
  const tables = populationTables(config, (input.population ?? []).flatMap((s) => s.records));
  const picks = [
    { id: KOMMUN, name: "Hela kommunen", kommun: true, pick: pickPopulation(tables.get(KOMMUN), year) },
    ...config.areas.map((a) => ({ id: a.id, name: a.name, kommun: false, pick: pickPopulation(tables.get(a.id), year) })),
  ];
  notes.push(...populationNotes(year, picks));
  const areas: AreaEntry[] = [
    ...picks.map((p) => area(p.id, p.name, p.pick?.value ?? null)),
    area(OKANT, "Okänt område", null),
  ];
  // The trends need every cell's p-value first: Benjamini–Hochberg adjusts them as families.
  const trends = monthTrends(cells);
  let i = 0;
  for (const a of areas) for (const e of a.incidents) e.trend = trends[i++] ?? null;

  const sources: Indicators["sources"] = incidentConfigs.map((s, i) => ({
    id: s.id,
    kind: s.kind,
    covers: coversEntry(coverages[i]!.coverage),
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
  return { indicators, notes, count: (a, c, t) => countAt(a, c)(monthIndex(t)) };
}
