/**
 * A small hand-made, already-suppressed `Indicators` object for the render tests (valid against
 * IndicatorsSchema), with the config it belongs to. The figures are chosen to exercise the renderer's
 * rules, not computed by the aggregation code:
 * - kommun / skadegörelse: an increase that passed the trend test (p 0.0021)
 * - centrum / skadegörelse: an increase (p 0.0105) — ranked after the kommun's
 * - ljusne / skadegörelse: a decrease to a small count (4 < 10)
 * - kommun / misshandel and every total: "normal"
 * - ljusne / misshandel: month.count hidden (suppressed, trend null) with a hidden series point
 * - okant / misshandel: insufficient history, with an unavailable (null) series point
 */
import { IndicatorsSchema, type IncidentEntry, type Indicators, type Verdict } from "../../src/model/indicators.ts";
import { parseConfig, type Config } from "../../src/config/load-config.ts";
import { addMonths } from "../../src/core/month.ts";

export const SAMPLE_MONTH = "2024-03";

export const SAMPLE_CONFIG_YAML = `
kommun: { name: Exempelkommun, code: "9999" }
population: 25850
output:
  title: "Lägesbild för Exempelkommun – fiktiva siffror"
  publisher: Exempelkommun och Polisen
  contact: { email: trygghet@example.se, phone: "0270-750 00" }
reference:
  - { name: Riket, year: 2023, per_100k: { skadegorelse: 1650.2, misshandel: 780.5 } }
areas:
  - { id: centrum, name: Centrum, population: 4200 }
  - { id: ljusne, name: Ljusne, population: 2400 }
groups:
  - { id: offentlig-miljo, name: Otrygghetsskapande händelser i offentlig miljö }
  - { id: vald, name: Våld och hot }
categories:
  - { id: skadegorelse, name: Skadegörelse, group: offentlig-miljo }
  - { id: misshandel, name: Misshandel, group: vald }
sources:
  - id: polis
    kind: incidents
    measure: brott
    path: ../data/incidents/*.csv
    categories: { Skadegörelse: skadegorelse, Misshandel: misshandel }
suppression: { min_count: 3 }
`;

export function sampleConfig(yaml = SAMPLE_CONFIG_YAML): Config {
  return parseConfig(yaml, "/tmp/x/config/lagesbild.yaml");
}

/** A series value: a count, `null` (unavailable) or "s" (hidden by suppression). */
type Point = number | null | "s";

function series(points: Point[]) {
  if (points.length !== 24) throw new Error("a series has 24 points");
  return points.map((p, i) => {
    const month = addMonths(SAMPLE_MONTH, i - 23);
    return p === "s" ? { month, count: null, suppressed: "small" as const } : { month, count: p };
  });
}

const val = (p: Point | undefined) => (p === "s" || p === undefined ? null : p);

interface EntryInput {
  category: string;
  name: string;
  group: string | null;
  points: Point[];
  population: number | null;
  verdict: Verdict | null;
  p: number | null;
  ytd: [number | null, number | null];
}

/** An entry whose month and rolling figures follow from its series, so the numbers are consistent. */
function entry(e: EntryInput): IncidentEntry {
  const count = val(e.points[23]);
  const lastYear = val(e.points[11]);
  const hidden = e.points[23] === "s";
  const sum = (from: number, to: number) => {
    let s = 0;
    for (let i = from; i <= to; i++) {
      const v = val(e.points[i]);
      if (v === null) return null;
      s += v;
    }
    return s;
  };
  const r12 = sum(12, 23);
  const r12prev = sum(0, 11);
  const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);
  const pct = (a: number | null, b: number | null) =>
    a === null || b === null || b === 0 ? null : Math.round((1000 * (a - b)) / b) / 10;
  const rate = (v: number | null) => (v === null || e.population === null ? null : Math.round((1e6 * v) / e.population) / 10);
  const baseline = sum(11, 22);
  return {
    category: e.category,
    name: e.name,
    group: e.group,
    measure: "brott",
    suppressed: hidden,
    month: {
      count,
      ...(hidden ? { count_suppressed: "small" as const } : {}),
      previous_month: val(e.points[22]),
      same_month_last_year: lastYear,
      ...(e.points[11] === "s" ? { same_month_last_year_suppressed: "small" as const } : {}),
      change_abs: diff(count, lastYear),
      change_pct: pct(count, lastYear),
      per_100k: rate(count),
    },
    ytd: { count: e.ytd[0], last_year: e.ytd[1], change_abs: diff(e.ytd[0], e.ytd[1]), change_pct: pct(e.ytd[0], e.ytd[1]) },
    rolling_12m: { count: r12, previous: r12prev, change_abs: diff(r12, r12prev), change_pct: pct(r12, r12prev), per_100k: rate(r12) },
    trend:
      e.verdict === null
        ? null
        : {
            verdict: e.verdict,
            p_value: e.p,
            q_value: e.p,
            baseline_mean: baseline === null ? null : Math.round((100 * baseline) / 12) / 100,
            baseline_years: baseline === null ? null : 3,
          },
    series: series(e.points),
  };
}

const rep = (v: Point, n: number): Point[] => Array.from({ length: n }, () => v);

export function sampleIndicators(overrides: { skadegorelseName?: string } = {}): Indicators {
  const sk = overrides.skadegorelseName ?? "Skadegörelse";
  const area = (id: string, name: string, population: number | null, rows: Array<Omit<EntryInput, "population">>) => ({
    id,
    name,
    population,
    incidents: rows.map((r) => entry({ ...r, population })),
  });
  const ind: Indicators = {
    schema: "lagesbild.indicators/v1",
    kommun: { code: "9999", name: "Exempelkommun" },
    month: SAMPLE_MONTH,
    generated_at: "2024-04-02T06:00:00+02:00",
    revision: 1,
    sources: [
      {
        id: "polis",
        kind: "incidents",
        covers: { from: "2021-01", to: "2024-03" },
        files: [
          {
            path: "data/incidents/polis-2024.csv",
            sha256: "ab".repeat(32),
            rows_read: 1210,
            rows_accepted: 1195,
            rows_ignored: 10,
            rows_rejected: 5,
            ignored_by_reason: { ignore_list: 8, duplicate: 2 },
            rejected_by_reason: { bad_date: 3, "unknown_category:Vapenbrott": 2 },
          },
        ],
      },
    ],
    areas: [
      area("kommun", "Hela kommunen", 25850, [
        { category: "skadegorelse", name: sk, group: "offentlig-miljo", points: [...rep(11, 11), 15, ...rep(12, 11), 30], verdict: "increase", p: 0.0021, ytd: [70, 41] },
        { category: "misshandel", name: "Misshandel", group: "vald", points: [...rep(6, 11), 7, ...rep(6, 11), 8], verdict: "normal", p: 0.5123, ytd: [20, 19] },
        { category: "total", name: "Alla polisanmälda brott", group: null, points: [...rep(17, 11), 22, ...rep(18, 11), 38], verdict: "normal", p: 0.0611, ytd: [90, 60] },
      ]),
      area("centrum", "Centrum", 4200, [
        { category: "skadegorelse", name: sk, group: "offentlig-miljo", points: [...rep(6, 11), 8, ...rep(7, 11), 19], verdict: "increase", p: 0.0105, ytd: [40, 25] },
        { category: "misshandel", name: "Misshandel", group: "vald", points: [...rep(4, 11), 4, ...rep(4, 11), 5], verdict: "normal", p: 0.61, ytd: [12, 11] },
        { category: "total", name: "Alla polisanmälda brott", group: null, points: [...rep(10, 11), 12, ...rep(11, 11), 24], verdict: "normal", p: 0.08, ytd: [52, 36] },
      ]),
      area("ljusne", "Ljusne", 2400, [
        { category: "skadegorelse", name: sk, group: "offentlig-miljo", points: [...rep(11, 11), 5, ...rep(12, 11), 4], verdict: "decrease", p: 0.018, ytd: [20, 14] },
        { category: "misshandel", name: "Misshandel", group: "vald", points: [...rep(0, 11), "s", ...rep(0, 10), 3, "s"], verdict: null, p: null, ytd: [5, 4] },
        { category: "total", name: "Alla polisanmälda brott", group: null, points: [...rep(11, 11), 6, ...rep(12, 11), 6], verdict: "normal", p: 0.09, ytd: [25, 18] },
      ]),
      area("okant", "Okänt område", null, [
        { category: "skadegorelse", name: sk, group: "offentlig-miljo", points: [...rep(0, 23), 7], verdict: "normal", p: 1, ytd: [10, 2] },
        { category: "misshandel", name: "Misshandel", group: "vald", points: [null, ...rep(0, 22), 0], verdict: "insufficient_history", p: null, ytd: [0, 0] },
        { category: "total", name: "Alla polisanmälda brott", group: null, points: [null, ...rep(0, 22), 8], verdict: "insufficient_history", p: null, ytd: [13, 6] },
      ]),
    ],
    promises: [],
    actions: [],
  };
  return IndicatorsSchema.parse(ind);
}
