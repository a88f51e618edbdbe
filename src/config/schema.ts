/**
 * The whole config file (spec/cli.md) as one zod schema. Every other module receives the parsed,
 * normalised result of `loadConfig`, never raw YAML. Objects are strict: an unknown key is an error,
 * because a typo must not silently change a published report.
 */
import { z } from "zod";
import { MEASURES } from "../core/measure.ts";
import { isYearMonth } from "../core/month.ts";

const RESERVED_IDS = ["kommun", "okant", "total"];

const slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "förväntade ett id med a–z, 0–9 och bindestreck (högst 64 tecken)");
const areaOrCategoryId = slug.refine((id) => !RESERVED_IDS.includes(id), {
  message: `id:t är reserverat (${RESERVED_IDS.join(", ")})`,
});
const text = (max = 300) => z.string().trim().min(1, "får inte vara tomt").max(max, `högst ${max} tecken`);
const yearMonth = z.string().refine(isYearMonth, "förväntade en månad som YYYY-MM");
const positiveInt = z.number().int("förväntade ett positivt heltal").positive("förväntade ett positivt heltal");
const labelMap = z.record(z.string().min(1), slug);
const columnsMap = z.record(z.string().min(1), z.string().min(1));

const timezone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat("sv-SE", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, "okänd tidszon (förväntade t.ex. Europe/Stockholm)");

const isoDate = z.union([z.string(), z.date()]).transform((v, ctx) => {
  const s = v instanceof Date ? v.toISOString().slice(0, 10) : v;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) {
    ctx.addIssue({ code: "custom", message: "förväntade ett datum som YYYY-MM-DD" });
    return z.NEVER;
  }
  return s;
});

/**
 * A population: one number for every year, or per year (`{ 2023: 25850, 2024: 25790 }`). Each
 * per-100 000 figure uses its own year's (src/aggregate/population-by-year.ts).
 */
const population = z.union([positiveInt, z.record(z.string().regex(/^\d{4}$/, "förväntade ett årtal"), positiveInt)]);

/**
 * How `lagesbild hamta polisen` polls the police's open events API for a `polisen-events` source. The
 * archive is written into the folder of the source's `path` (src/config/archive-files.ts), so the
 * poller and the reader can never disagree about where it lives.
 */
const fetchSettings = z.strictObject({
  url: z.url().default("https://polisen.se/api/events"),
  /** The police ask every client to identify itself: name, organisation and a contact address. */
  user_agent: text(200),
  /** The API's own filters (`locationname`, `type`; several values are joined with `;`). */
  locationname: z.array(text(100)).default([]),
  type: z.array(text(100)).default([]),
  timeout_seconds: z.number().positive().max(300).default(30),
  /** Further attempts within one run after a failed one (bounded: the next scheduled poll tries again). */
  retries: z.number().int().min(0).max(5).default(2),
  /** The first wait before a retry; it doubles for each further attempt. */
  retry_delay_seconds: z.number().min(0).max(600).default(10),
  /** The longest `Retry-After` honoured by waiting; a longer one ends the run and leaves it to the schedule. */
  max_wait_seconds: z.number().min(0).max(3600).default(120),
});

const sourceBase = {
  id: slug,
  path: text(1000),
  columns: columnsMap.optional(),
};

const incidentSource = z.strictObject({
  ...sourceBase,
  kind: z.literal("incidents"),
  format: z.enum(["csv", "polisen-events", "aggregated-csv"]).default("csv"),
  /**
   * What the counts are (spec/cli.md "Measures"): required for csv and aggregated-csv, and for
   * polisen-events only `polisens-handelser` (its default); load-config.ts checks both.
   */
  measure: z.enum(MEASURES, { error: "förväntade brott, polisens-handelser eller handelser" }).optional(),
  /** A shared label mapping merged into categories/ignore by loadConfig (src/config/categories-from.ts). */
  categories_from: z.string().min(1).optional(),
  categories: labelMap.default({}),
  ignore: z.array(z.string().min(1)).default([]),
  covers: z.strictObject({ from: yearMonth.optional(), to: yearMonth.optional() }).optional(),
  required: z.boolean().default(true),
  unknown_area: z.enum(["keep", "reject"]).default("keep"),
  crs: z.enum(["EPSG:4326", "EPSG:3006"]).optional(),
  /** `lagesbild hamta polisen` polls the police's API into this source's folder (src/fetch/). */
  fetch: fetchSettings.optional(),
});

const surveySource = z.strictObject({
  ...sourceBase,
  kind: z.literal("survey"),
  format: z.enum(["survey-results", "survey-responses"]).default("survey-results"),
});

const fieldSource = z.strictObject({
  ...sourceBase,
  kind: z.literal("field-reports"),
  roles: labelMap.optional(),
  activities: labelMap.optional(),
  crs: z.enum(["EPSG:4326", "EPSG:3006"]).optional(),
});

const actionsSource = z.strictObject({
  ...sourceBase,
  kind: z.literal("actions"),
  statuses: labelMap.optional(),
});

/**
 * Population per year for the kommun and, where the table has them, its areas (SCB's folkmängd per
 * region and year; src/ingest/read-population.ts). The config's own `population` wins for a year both give.
 */
const populationSource = z.strictObject({
  ...sourceBase,
  kind: z.literal("population"),
});

/**
 * Comparison rates for other geographies (riket, a län, a kommungrupp, named kommuner) from Kolada's or
 * Brå's tables (src/ingest/read-reference.ts). They never enter the kommun's own counts: the report shows
 * the latest period's rate beside the kommun's rolling 12 months per 100 000, as the `reference` list does.
 */
const referenceSource = z.strictObject({
  ...sourceBase,
  kind: z.literal("reference"),
  /** The table's regions to show, in this order ("Riket", "Gävleborgs län", "2180 Gävle" or "Gävle"). */
  regions: z.array(text(100)).min(1, "minst en region behövs"),
  /** The table's labels (a KPI, a crime group) → a category id, or `total` for all reported crimes. */
  categories: labelMap,
  /** What the values are: rates per 100 000 (Kolada) or per 10 000 (some of Brå's older tables). */
  unit: z.enum(["per_100k", "per_10k"]).default("per_100k"),
  /** The period type when the table's rows do not state it: the rows' periods are checked against it. */
  period: z.enum(["year", "quarter", "month"]).optional(),
});

const source = z.discriminatedUnion("kind", [incidentSource, surveySource, fieldSource, actionsSource, populationSource, referenceSource]);

const band = z.strictObject({ max: z.number().optional(), label: text(60) });

const surveyIndicator = z.strictObject({
  id: slug.or(z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/)),
  name: text(),
  unit: z.enum(["index_0_6", "percent"]),
  /**
   * Which way is safer, for the comparison with riket/länet (survey-reference.ts): `lower` (the police's
   * problem index 0–6, a share who feel unsafe; the default) or `higher` (a share who feel safe).
   */
  better: z.enum(["lower", "higher"]).optional(),
  bands: z.array(band).optional(),
  question: z.string().min(1).optional(),
  yes: z.array(z.string()).optional(),
  exclude: z.array(z.string()).optional(),
});

const promise = z.strictObject({
  id: slug,
  text: text(500),
  period: z.strictObject({ from: yearMonth, to: yearMonth }),
  activity: slug,
  target: positiveInt,
  min_days: positiveInt.optional(),
});

export const ConfigSchema = z
  .strictObject({
    kommun: z.strictObject({ name: text(100), code: z.string().regex(/^\d{4}$/, "förväntade en kommunkod med fyra siffror") }),
    timezone: timezone.default("Europe/Stockholm"),
    population: population.optional(),
    output: z
      .strictObject({
        dir: z.string().min(1).optional(),
        title: text().optional(),
        publisher: text().optional(),
        // http(s) only (issue 14.7): the URL becomes the feed's and the pages' links, so
        // `javascript:` or `file:` must be refused here, not crash the feed writer later.
        base_url: z.url({ protocol: /^https?$/, error: "förväntade en webbadress som börjar med https:// eller http://" }).optional(),
        contact: z.strictObject({ email: z.email().optional(), phone: text(40).optional() }).optional(),
        accessibility: z.strictObject({ status: text(60), assessed: isoDate }).optional(),
        commentary: z.string().min(1).optional(),
        /**
         * When each area gets its own page (`<YYYY-MM>/omrade/<id>.html`, issue 20): a number N = when the
         * config has more than N areas, `true` = always, `false` = never. Optional without a default, so a
         * config that does not set it hashes as before (config-hash.ts) and no month is rebuilt for it.
         */
        area_pages: z.union([z.boolean(), z.number().int().min(0)], { error: "förväntade true, false eller ett antal områden (heltal, t.ex. 8)" }).optional(),
      })
      .default({}),
    reference: z
      .array(
        z.strictObject({
          name: text(100),
          year: z.number().int(),
          /** The reference period when it is not the whole year: `2024-Q3` or `2024-03` (a `kind: reference` source sets it). */
          period: z.string().regex(/^\d{4}(?:-Q[1-4]|-(?:0[1-9]|1[0-2]))?$/, "förväntade YYYY, YYYY-Q1..4 eller YYYY-MM").optional(),
          per_100k: z.record(z.string(), z.number().nonnegative()),
        }),
      )
      .default([]),
    quarantine_dir: z.string().min(1).default("../var/rejected"),
    cache_dir: z.string().min(1).default("../var/cache"),
    max_rejected_share: z.number().min(0).max(1).default(0.01),
    /** A GeoJSON FeatureCollection of the areas' polygons (src/geo/load-areas-geojson.ts validates it). */
    areas_geojson: z.string().min(1).optional(),
    areas: z
      .array(
        z.strictObject({
          id: areaOrCategoryId,
          name: text(100),
          population: population.optional(),
          aliases: z.array(z.string().min(1)).default([]),
        }),
      )
      .min(1, "minst ett område behövs"),
    groups: z.array(z.strictObject({ id: slug, name: text(150) })).optional(),
    categories: z
      .array(z.strictObject({ id: areaOrCategoryId, name: text(100), group: slug }))
      .min(1, "minst en kategori behövs"),
    sources: z.array(source).min(1, "minst en källa behövs"),
    survey: z
      .strictObject({
        indicators: z.array(surveyIndicator).default([]),
        /**
         * Riket's or the län's result of a survey indicator (e.g. the police's national trygghetsmätning),
         * shown beside the kommun's latest; `margin` is the ± of its 95 % interval as published.
         */
        reference: z
          .array(z.strictObject({ name: text(100), indicator: z.string().min(1), year: z.number().int(), value: z.number().nonnegative(), margin: z.number().nonnegative().optional() }))
          .optional(),
      })
      .default({ indicators: [] }),
    suppression: z
      .strictObject({ min_count: z.number().int().min(0).default(3), applies_to: z.enum(["areas", "all"]).default("areas") })
      .default({ min_count: 3, applies_to: "areas" }),
    promises: z.array(promise).default([]),
  });

export type RawConfig = z.infer<typeof ConfigSchema>;
export type SourceConfig = RawConfig["sources"][number];
export type IncidentSourceConfig = Extract<SourceConfig, { kind: "incidents" }>;
export type AreaConfig = RawConfig["areas"][number];
export type CategoryConfig = RawConfig["categories"][number];

/**
 * The incident source at `index` of the config's sources. Callers pass the index of a source they
 * found to be one (a group run's shared source, a worker's task); anything else is a bug, said plainly.
 */
export function incidentSourceAt(sources: ReadonlyArray<SourceConfig>, index: number): IncidentSourceConfig {
  const source = sources[index];
  if (source?.kind !== "incidents") throw new Error(`source ${index} is not an incident source`);
  return source;
}
