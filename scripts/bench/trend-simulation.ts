/**
 * Calibration of the trend test by simulation (issue 15): synthetic seasonal kommuner with a fixed seed,
 * run through the real test code (seasonalTest + monthTrends, as build-indicators uses them) and through
 * the old 12-month test, side by side.
 *
 * A kommun has `areas` areas × `categories` categories; each cell has a base rate drawn from ~2 to ~40
 * events a month, a summer peak (±30 %), and gamma–Poisson overdispersion with a variance/mean ratio D
 * (count ~ Poisson(μ·G), G ~ Gamma(μ/(D−1), (D−1)/μ), so Var = D·μ at every level — the form the real
 * police events show, see dispersion.ts). A month is tested like a report month: the kommun's categories
 * and total in one BH family, the areas' categories and totals in the other.
 */
import { binomialTails } from "../../src/aggregate/binomial-trend.ts";
import { monthTrends, type TrendCell } from "../../src/aggregate/month-trends.ts";
import { seasonalTest } from "../../src/aggregate/seasonal-trend.ts";
import type { Verdict } from "../../src/model/indicators.ts";
import { addMonths, monthIndex } from "../../src/core/month.ts";
import { mulberry32 as rng, poisson } from "../sample/prng.ts";

function normal(r: () => number): number {
  const u = 1 - r();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r());
}

/** Gamma(shape, 1) by Marsaglia–Tsang. */
function gamma(r: () => number, shape: number): number {
  if (shape < 1) return gamma(r, shape + 1) * r() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(r);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = r();
    if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Summer peak: +30 % in July, −30 % in January. */
export function season(month: string): number {
  const m = monthIndex(month) % 12; // 0 = January
  return 1 + 0.3 * Math.cos((2 * Math.PI * (m - 6)) / 12);
}

export interface Planted {
  area: number;
  category: number;
  /** The first month of the change. */
  from: string;
  /** The rate is multiplied by this from `from` on (2: doubling, 1.5, 0.5: a step down). */
  factor: number;
}

export interface SimulationOptions {
  seed: number;
  areas: number;
  categories: number;
  /** D, the variance/mean ratio of the gamma–Poisson mix (1 = pure Poisson). */
  dispersion: number;
  /** The first simulated month; the report months are the last `reportMonths`. */
  start: string;
  months: number;
  reportMonths: number;
  planted?: Planted;
}

/** Counts[area][category][month index from start]. Base rates log-uniform in 2..40 a month. */
export function simulateKommun(o: SimulationOptions): { counts: number[][][]; rates: number[][] } {
  const r = rng(o.seed);
  const rates = Array.from({ length: o.areas }, () => Array.from({ length: o.categories }, () => 2 * Math.exp(r() * Math.log(20))));
  const counts = rates.map((row, a) =>
    row.map((lambda, c) =>
      Array.from({ length: o.months }, (_, t) => {
        const month = addMonths(o.start, t);
        const planted = o.planted && o.planted.area === a && o.planted.category === c && monthIndex(month) >= monthIndex(o.planted.from);
        const mu = lambda * season(month) * (planted ? (o.planted?.factor ?? 1) : 1);
        const excess = o.dispersion - 1;
        const g = excess > 0 ? (gamma(r, mu / excess) * excess) / mu : 1;
        return poisson(r, mu * g);
      }),
    ),
  );
  return { counts, rates };
}

/** The old test: the month against the 12 before it, p = 1/13, each tail at 0.025, no adjustment. */
export function oldVerdict(x: number, history: number[]): Verdict {
  const S = history.reduce((s, v) => s + v, 0);
  if (x + S === 0) return "normal";
  const { pUp, pDown } = binomialTails(x, x + S, 1 / 13);
  return pUp < 0.025 ? "increase" : pDown < 0.025 ? "decrease" : "normal";
}

export interface MonthVerdicts {
  month: string;
  /** Per cell key `area:category` (area −1 = kommun, category −1 = total). */
  newVerdicts: Map<string, Verdict | null>;
  oldVerdicts: Map<string, Verdict>;
}

/** Both tests for every report month of one simulated kommun. */
export function testKommun(o: SimulationOptions, counts: number[][][]): MonthVerdicts[] {
  const series = new Map<string, number[]>();
  for (let a = 0; a < o.areas; a++) {
    for (let c = 0; c < o.categories; c++) series.set(`${a}:${c}`, counts[a]?.[c] ?? []);
    series.set(`${a}:-1`, sumSeries(Array.from({ length: o.categories }, (_, c) => counts[a]?.[c] ?? [])));
  }
  for (let c = 0; c < o.categories; c++) series.set(`-1:${c}`, sumSeries(Array.from({ length: o.areas }, (_, a) => counts[a]?.[c] ?? [])));
  series.set("-1:-1", sumSeries([...Array(o.areas).keys()].map((a) => series.get(`${a}:-1`) ?? [])));

  const startIndex = monthIndex(o.start);
  const out: MonthVerdicts[] = [];
  for (let t = o.months - o.reportMonths; t < o.months; t++) {
    const month = addMonths(o.start, t);
    const keys = [...series.keys()];
    const cells: TrendCell[] = keys.map((key) => {
      const s = series.get(key) ?? [];
      const N = (m: string) => {
        const i = monthIndex(m) - startIndex;
        return i >= 0 && i < o.months ? (s[i] ?? 0) : null;
      };
      return { family: key.startsWith("-1:") ? "kommun" : "areas", test: seasonalTest(s[t] ?? 0, month, N) };
    });
    const trends = monthTrends(cells);
    const newVerdicts = new Map(keys.map((k, i) => [k, trends[i]?.verdict ?? null]));
    const oldVerdicts = new Map(
      keys.map((k) => {
        const s = series.get(k) ?? [];
        return [k, t >= 12 ? oldVerdict(s[t] ?? 0, s.slice(t - 12, t)) : ("insufficient_history" as Verdict)];
      }),
    );
    out.push({ month, newVerdicts, oldVerdicts });
  }
  return out;
}

function sumSeries(list: number[][]): number[] {
  const n = list[0]?.length ?? 0;
  return Array.from({ length: n }, (_, t) => list.reduce((s, row) => s + (row[t] ?? 0), 0));
}

export interface FalseAlarmFigures {
  tested: number;
  newAlarms: number;
  oldAlarms: number;
}

/** With nothing planted: how often each test calls noise a change. */
export function falseAlarms(base: Omit<SimulationOptions, "seed" | "planted">, kommuner: number, seed: number): FalseAlarmFigures {
  let tested = 0;
  let newAlarms = 0;
  let oldAlarms = 0;
  for (let k = 0; k < kommuner; k++) {
    const o = { ...base, seed: seed + k };
    for (const m of testKommun(o, simulateKommun(o).counts)) {
      for (const [key, v] of m.newVerdicts) {
        if (v === null || v === "insufficient_history") continue;
        tested++;
        if (v !== "normal") newAlarms++;
        const old = m.oldVerdicts.get(key);
        if (old === "increase" || old === "decrease") oldAlarms++;
      }
    }
  }
  return { tested, newAlarms, oldAlarms };
}

export interface DetectionFigures {
  trials: number;
  /** Detected (the right direction) within the first three months of the change. */
  newDetected: number;
  oldDetected: number;
  /** Mean months from the change to the first detection, over the detected trials. */
  newDelay: number;
  oldDelay: number;
}

/**
 * A change planted in one area cell whose base rate is at least `minRate` a month, in the first of the
 * report months: is it flagged (in its direction) within three months?
 */
export function detection(base: Omit<SimulationOptions, "seed" | "planted">, factor: number, minRate: number, trials: number, seed: number): DetectionFigures {
  const want: Verdict = factor > 1 ? "increase" : "decrease";
  const from = addMonths(base.start, base.months - base.reportMonths);
  let newDetected = 0;
  let oldDetected = 0;
  let newDelay = 0;
  let oldDelay = 0;
  for (let k = 0; k < trials; k++) {
    const probe = simulateKommun({ ...base, seed: seed + k });
    // The first area cell (in order) with a base rate ≥ minRate; rates depend on the seed only.
    let cell: { area: number; category: number } | null = null;
    for (let a = 0; a < base.areas && !cell; a++) {
      for (let c = 0; c < base.categories && !cell; c++) if ((probe.rates[a]?.[c] ?? 0) >= minRate) cell = { area: a, category: c };
    }
    if (!cell) continue;
    const o = { ...base, seed: seed + k, planted: { ...cell, from, factor } };
    const months = testKommun(o, simulateKommun(o).counts).slice(0, 3);
    const key = `${cell.area}:${cell.category}`;
    const first = (pick: (m: MonthVerdicts) => Verdict | null | undefined) => months.findIndex((m) => pick(m) === want);
    const n = first((m) => m.newVerdicts.get(key));
    const old = first((m) => m.oldVerdicts.get(key));
    if (n >= 0) {
      newDetected++;
      newDelay += n;
    }
    if (old >= 0) {
      oldDetected++;
      oldDelay += old;
    }
  }
  return {
    trials,
    newDetected,
    oldDetected,
    newDelay: newDetected ? newDelay / newDetected : Number.NaN,
    oldDelay: oldDetected ? oldDelay / oldDetected : Number.NaN,
  };
}
