/**
 * Disclosure control (spec/indicators.md "Suppression"): the two kinds of hidden, unavailability
 * winning, derived figures, the trend, and the attacker's LP on hand-made and generated tables.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { loadSolver } from "../../../src/aggregate/lp-interval.ts";
import { incidentFigures } from "../../../src/aggregate/incident-figures.ts";
import { monthTrends } from "../../../src/aggregate/month-trends.ts";
import { IndicatorsSchema, type Indicators } from "../../../src/model/indicators.ts";
import { planSuppression, suppressIndicators } from "../../../src/aggregate/suppress.ts";
import { addMonths, monthIndex } from "../../../src/core/month.ts";
import { auditPublished } from "../../helpers/suppression-audit.ts";

beforeAll(loadSolver);

const CATS = ["x", "y", "z"];
const AREAS = ["kommun", "a", "b", "c", "okant"];

/** Indicators of month `m` from area-level counts N(area, category, t); kommun and totals summed. */
function build(N: (a: string, c: string, t: string) => number | null, m: string, from: string) {
  const leaf = (a: string, c: string, t: string): number | null => {
    if (monthIndex(t) < monthIndex(from)) return null;
    if (a === "kommun") return sumOf(AREAS.slice(1).map((x) => leaf(x, c, t)));
    if (c === "total") return sumOf(CATS.map((x) => leaf(a, x, t)));
    return N(a, c, t);
  };
  const ind: Indicators = {
    schema: "lagesbild.indicators/v1",
    kommun: { code: "9999", name: "Test" },
    month: m,
    generated_at: "2026-11-15T06:00:00+01:00",
    revision: 1,
    sources: [{ id: "s", kind: "incidents", covers: { from, to: m }, files: [] }],
    areas: AREAS.map((a) => ({
      id: a,
      name: a,
      population: a === "okant" ? null : 1000,
      incidents: [...CATS, "total"].map((c) => {
        const { test, ...f } = incidentFigures((t) => leaf(a, c, t), m, a === "okant" ? null : 1000);
        // Each cell's trend on its own (one-member families): the suppression rules do not depend on q.
        const [trend = null] = monthTrends([{ family: a === "okant" ? null : a === "kommun" ? "kommun" : "areas", test }]);
        return { category: c, name: c, group: c === "total" ? null : "g", measure: "brott" as const, suppressed: false, ...f, trend };
      }),
    })),
    promises: [],
    actions: [],
  };
  return { ind, count: leaf };
}
function sumOf(vs: Array<number | null>): number | null {
  return vs.some((v) => v === null) ? null : vs.reduce<number>((s, v) => s + v!, 0);
}

function publish(N: (a: string, c: string, t: string) => number | null, months: string[], from: string, k = 3) {
  const last = months.at(-1)!;
  const { ind, count } = build(N, last, from);
  const plan = planSuppression({ rule: { min_count: k, applies_to: "areas" }, areas: AREAS, entries: ind.areas[0]!.incidents, count, from, to: last });
  return { files: months.map((m) => suppressIndicators(build(N, m, from).ind, plan)), count };
}

describe("two kinds of hidden", () => {
  // One month of data (2026-10) and nothing before: counts per area and category.
  const table: Record<string, Record<string, number>> = {
    a: { x: 1, y: 9, z: 7 },
    b: { x: 6, y: 8, z: 0 },
    c: { x: 5, y: 4, z: 6 },
    okant: { x: 4, y: 5, z: 3 },
  };
  const N = (a: string, c: string) => table[a]?.[c] ?? 0;

  it("marks the small value small and its complements protects, never the kommun", async () => {
    const { files } = publish(N, ["2026-10"], "2026-10");
    const out = IndicatorsSchema.parse(files[0]);
    const e = (a: string, c: string) => out.areas.find((x) => x.id === a)!.incidents.find((x) => x.category === c)!;
    expect(e("a", "x").month.count).toBeNull();
    expect(e("a", "x").month.count_suppressed).toBe("small");
    expect(e("a", "x").suppressed).toBe(true);
    expect(e("a", "x").trend).toBeNull();
    expect(e("a", "x").trend_suppressed).toBe("small");
    // The kommun line x (16) and the area line a (17) each need a second hidden cell.
    const hiddenX = ["b", "c", "okant"].filter((a) => e(a, "x").month.count === null);
    const hiddenA = ["y", "z", "total"].filter((c) => e("a", c).month.count === null);
    expect(hiddenX.length).toBeGreaterThanOrEqual(1);
    expect(hiddenA.length).toBeGreaterThanOrEqual(1);
    for (const a of hiddenX) expect(e(a, "x").month.count_suppressed).toBe("protects");
    for (const c of hiddenA) expect(e("a", c).month.count_suppressed).toBe("protects");
    // The okant cell is preferred as the kommun line's complement.
    expect(hiddenX).toContain("okant");
    for (const c of [...CATS, "total"]) expect(e("kommun", c).month.count).not.toBeNull();
    // Zeros are shown when a non-zero cell can protect.
    expect(e("b", "z").month.count).toBe(0);
    // Derived figures of a hidden count: null and "protects"; per 100 000 too.
    expect(e("a", "x").month.per_100k).toBeNull();
    expect(e("a", "x").month.per_100k_suppressed).toBe("protects");
    // Unavailable (before the first covered month) wins: plain null, no flag.
    expect(e("a", "x").month.same_month_last_year).toBeNull();
    expect(e("a", "x").month.same_month_last_year_suppressed).toBeUndefined();
    expect(e("a", "x").month.change_abs).toBeNull();
    expect(e("a", "x").month.change_abs_suppressed).toBeUndefined();
    expect(e("a", "x").ytd.last_year_suppressed).toBeUndefined();
  });

  it("leaves the small value two integers against the attacker's LP", async () => {
    const { files, count } = publish(N, ["2026-10"], "2026-10");
    const r = await auditPublished(files, 3, count);
    expect(r.checked).toBeGreaterThan(0);
    expect(r.recoverable).toEqual([]);
    expect(r.leakyDerived).toEqual([]);
  });
});

describe("time", () => {
  // Two years of data; area a's category x is small in one month only.
  const from = "2025-01";
  const N = (a: string, c: string, t: string) => (a === "a" && c === "x" && t === "2026-03" ? 2 : 4 + ((monthIndex(t) + a.length + c.charCodeAt(0)) % 3));
  const months = Array.from({ length: 10 }, (_, i) => addMonths("2026-01", i));

  it("never publishes a window sum that holds a hidden month, and hides each series point the same way in every file", () => {
    const { files } = publish(N, months, from);
    const kinds = new Map<string, string>();
    for (const f of files) {
      for (const area of f.areas) for (const e of area.incidents) {
        for (const p of e.series) {
          const key = `${area.id}|${e.category}|${p.month}`;
          const kind = p.suppressed ?? (p.count === null ? "unavailable" : "visible");
          expect(kinds.get(key) ?? kind, key).toBe(kind);
          kinds.set(key, kind);
        }
        const ytdMonths = Number(f.month.slice(5, 7));
        const hiddenIn = (n: number) => e.series.slice(-n).some((p) => p.suppressed !== undefined);
        if (e.ytd.count !== null) expect(hiddenIn(ytdMonths), `${f.month} ${area.id} ${e.category} ytd`).toBe(false);
        if (e.rolling_12m.count !== null) expect(hiddenIn(12), `${f.month} ${area.id} ${e.category} rolling`).toBe(false);
      }
    }
    const a = files.at(-1)!.areas.find((x) => x.id === "a")!.incidents.find((e) => e.category === "x")!;
    expect(a.series.find((p) => p.month === "2026-03")!.suppressed).toBe("small");
    // Its 12-month sum (≥ 2 + 11·4) is hidden to protect it: "protects", never "small".
    expect(a.rolling_12m.count_suppressed).toBe("protects");
  });

  it("is deterministic and does not depend on the months asked for", () => {
    const all = publish(N, months, from).files;
    const one = publish(N, ["2026-05"], from).files;
    expect(JSON.stringify(one[0])).toBe(JSON.stringify(all[4]));
  });

  it("keeps a trend verdict when only baseline months are hidden, hiding its figures", () => {
    const { files } = publish(N, ["2027-03"].map((m) => m), from);
    const e = files[0]!.areas.find((x) => x.id === "a")!.incidents.find((x) => x.category === "x")!;
    // 2026-03 is a baseline month of 2027-03 (m − 12).
    expect(e.month.count).not.toBeNull();
    expect(e.trend).not.toBeNull();
    expect(e.trend!.verdict).toBeDefined();
    expect(e.trend!.baseline_mean).toBeNull();
    expect(e.trend!.baseline_mean_suppressed).toBe("protects");
    expect(e.trend!.p_value).toBeNull();
  });
});

describe("generated adversarial tables (one month)", () => {
  it("every small value keeps two integers unless the published kommun figure itself fixes it", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 12, maxLength: 12 }), async (vals) => {
        const N = (a: string, c: string) => vals[AREAS.indexOf(a) - 1 + 4 * CATS.indexOf(c)] ?? 0;
        const { files, count } = publish(N, ["2026-10"], "2026-10");
        const r = await auditPublished(files, 3, count);
        expect(r.recoverable).toEqual([]);
        expect(r.leakyDerived).toEqual([]);
      }),
      { numRuns: 40, seed: 20261204 },
    );
  });
});

describe("generated adversarial series (months, window sums and every file together)", () => {
  // Sparse series (mostly 0–2, sometimes larger) over eight months from January: small values in
  // consecutive months, small 12-month and year-to-date sums, kommun lines near k. Every file is
  // published, as a monthly run leaves them. Values that nothing decided in the month they were first
  // pinned could protect (the audit's `inherent`) are the only ones the attacker may pin.
  it("leaves every small value two integers unless it is inherent", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(0, 0, 0, 1, 1, 2, 3, 5), { minLength: 72, maxLength: 72 }), async (vals) => {
        const from = "2026-01";
        const months = Array.from({ length: 8 }, (_, i) => addMonths(from, i));
        const N = (a: string, c: string, t: string) => vals[(AREAS.indexOf(a) - 1) * 24 + CATS.indexOf(c) * 8 + monthIndex(t) - monthIndex(from)] ?? 0;
        const { files, count } = publish(N, months, from);
        const r = await auditPublished(files, 3, count);
        expect(r.checked).toBeGreaterThan(0);
        expect(r.recoverable).toEqual([]);
        expect(r.leakyDerived).toEqual([]);
      }),
      { numRuns: 15, seed: 20261205 },
    );
  }, 120_000);

  it("is a real check: with the year-to-date sums over hidden months shown, the audit recovers values", async () => {
    // The same kind of series published with only each month's own table protected: the attacker
    // over time recovers something in at least one of the generated cases.
    let found = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(0, 0, 0, 1, 1, 2, 3, 5), { minLength: 72, maxLength: 72 }), async (vals) => {
        const from = "2026-01";
        const months = Array.from({ length: 8 }, (_, i) => addMonths(from, i));
        const N = (a: string, c: string, t: string) => vals[(AREAS.indexOf(a) - 1) * 24 + CATS.indexOf(c) * 8 + monthIndex(t) - monthIndex(from)] ?? 0;
        const { files, count } = publish(N, months, from);
        // Unhide every window sum: what the repairs over time and the sums rule defend against.
        for (const f of files) for (const area of f.areas) for (const e of area.incidents) {
          if (area.id === "kommun") continue;
          const m = f.month;
          const len = Number(m.slice(5, 7));
          const truthSum = Array.from({ length: len }, (_, i) => count(area.id, e.category, addMonths(m, i - len + 1)) ?? 0).reduce((s, v) => s + v, 0);
          if (e.ytd.count_suppressed === "protects") (e.ytd.count = truthSum, delete e.ytd.count_suppressed);
        }
        const r = await auditPublished(files, 3, count);
        if (r.recoverable.length > 0) found++;
      }),
      { numRuns: 5, seed: 20261205 },
    );
    expect(found).toBeGreaterThan(0);
  }, 120_000);
});
