/**
 * The suppression plan against an attacker written here, independently of src/aggregate/lp-interval.ts
 * (its components, witnesses, bound propagation and small local LPs): for random one-month tables, a
 * plain LP of the whole table in CPLEX LP text, solved with HiGHS' one-shot `solve`, gives each hidden
 * small value's interval from what is published (the shown cells, the lines kommun = Σ areas + okänt
 * and total = Σ the measure's categories, the labels as bounds). Spec/indicators.md "Suppression",
 * property 2, as we read it: the interval holds at least two integers whenever a decision could have
 * made it so, i.e. whenever it does in the worst case of that month (every cell in scope hidden with
 * its label); a value pinned even then is disclosed by the published kommun figures themselves.
 */
import fc from "fast-check";
import highsModule, { type Highs } from "highs";
import { beforeAll, describe, expect, it } from "vitest";
import { loadSolver } from "../../../src/aggregate/lp-interval.ts";
import { planSuppression } from "../../../src/aggregate/suppress.ts";

const MONTH = "2026-10";
const K = 3;

// The package's default export as the runtime gives it (see lp-interval.ts).
const loadHighs = ((highsModule as unknown as { default?: unknown }).default ?? highsModule) as unknown as () => Promise<Highs>;
let highs: Highs;
beforeAll(async () => {
  await loadSolver();
  highs = await loadHighs();
});

interface Table {
  areas: string[]; // kommun first, okant last
  categories: Array<{ category: string; measure: "brott" | "handelser" }>; // members, then the totals
  value: (area: string, category: string) => number;
}

/** A table from generated leaf counts: areas × member categories, kommun and totals summed. */
function tableOf(nAreas: number, measures: Array<"brott" | "handelser">, leaves: number[]): Table {
  const areas = ["kommun", ...Array.from({ length: nAreas }, (_, i) => `a${i}`), "okant"];
  const members = measures.map((measure, i) => ({ category: `c${i}`, measure }));
  const totals = [...new Set(measures)].map((m) => ({ category: `total:${m}`, measure: m }));
  const leaf = (a: string, c: string) => leaves[(areas.indexOf(a) * members.length + members.findIndex((m) => m.category === c)) % leaves.length] ?? 0;
  const value = (a: string, c: string): number => {
    if (a === "kommun") return areas.slice(1).reduce((s, x) => s + value(x, c), 0);
    if (c.startsWith("total:")) return members.filter((m) => `total:${m.measure}` === c).reduce((s, m) => s + leaf(a, m.category), 0);
    return leaf(a, c);
  };
  return { areas, categories: [...members, ...totals], value };
}

type Hidden = (area: string, category: string) => "small" | "protects" | undefined;

/**
 * [min, max] of each of `asked` (cell ids `area|category`) over every table consistent with what is
 * published: a plain LP over the whole table, one min and one max per value.
 */
function intervalsOf(t: Table, hidden: Hidden, asked: string[]): Map<string, [number, number]> {
  const name = new Map<string, string>();
  const bounds: string[] = [];
  for (const a of t.areas) {
    for (const { category: c } of t.categories) {
      const kind = hidden(a, c);
      if (kind === undefined) continue;
      const v = `x${name.size}`;
      name.set(`${a}|${c}`, v);
      // The labels: "small" is 1..k−1; "protects" is ≥ k, or ≥ 0 where the value is 0 (the stronger
      // bound wherever it holds, as the audit grants the attacker).
      bounds.push(kind === "small" ? ` 1 <= ${v} <= ${K - 1}` : ` ${v} >= ${t.value(a, c) >= K ? K : 0}`);
    }
  }
  const rows: string[] = [];
  // One relation: Σ terms = sum cell; shown cells are constants.
  const relation = (sum: string, terms: string[]) => {
    const lhs: string[] = [];
    let constant = 0;
    for (const [id, coef] of [[sum, -1] as const, ...terms.map((x) => [x, 1] as const)]) {
      const v = name.get(id);
      const [a = "", c = ""] = id.split("|");
      if (v === undefined) constant += coef * t.value(a, c);
      else lhs.push(`${coef > 0 ? "+" : "-"} ${v}`);
    }
    if (lhs.length > 0) rows.push(` r${rows.length}: ${lhs.join(" ")} = ${-constant}`);
  };
  for (const { category: c } of t.categories) relation(`kommun|${c}`, t.areas.slice(1).map((a) => `${a}|${c}`));
  for (const a of t.areas) {
    for (const { category: total, measure } of t.categories.filter((x) => x.category.startsWith("total:"))) {
      relation(`${a}|${total}`, t.categories.filter((x) => !x.category.startsWith("total:") && x.measure === measure).map((x) => `${a}|${x.category}`));
    }
  }
  const out = new Map<string, [number, number]>();
  for (const id of asked) {
    const v = name.get(id);
    if (v === undefined) throw new Error(`${id} is not hidden`);
    const solve = (sense: "Minimize" | "Maximize") => {
      const lp = `${sense}\n obj: ${v}\nSubject To\n${rows.length > 0 ? rows.join("\n") : ` r0: ${v} >= 0`}\nBounds\n${bounds.join("\n")}\nEnd`;
      const r = highs.solve(lp, { output_flag: false });
      if (r.Status === "Unbounded") return Infinity;
      if (r.Status !== "Optimal") throw new Error(`LP ${r.Status}`);
      return r.ObjectiveValue;
    };
    out.set(id, [solve("Minimize"), solve("Maximize")]);
  }
  return out;
}

/** Whether [lo, hi] holds at least two integers (the value is not pinned). */
const twoIntegers = ([lo, hi]: [number, number]) => Math.floor(hi + 1e-6) - Math.ceil(lo - 1e-6) >= 1;

/** Hidden small values pinned although the worst case of the month leaves them two integers. */
function violations(t: Table, hidden: Hidden, appliesTo: "areas" | "all"): { checked: number; bad: string[] } {
  const inScope = (a: string) => appliesTo === "all" || a !== "kommun";
  const small = t.areas.flatMap((a) => t.categories.filter(({ category: c }) => hidden(a, c) === "small").map(({ category: c }) => `${a}|${c}`));
  if (small.length === 0) return { checked: 0, bad: [] };
  const published = intervalsOf(t, hidden, small);
  const isSmall = (v: number) => v > 0 && v < K;
  const worst = intervalsOf(t, (a, c) => (inScope(a) ? (isSmall(t.value(a, c)) ? "small" : "protects") : undefined), small);
  const bad = small.filter((id) => worst.get(id) !== undefined && twoIntegers(worst.get(id)!) && !twoIntegers(published.get(id)!));
  return { checked: small.length, bad: bad.map((id) => `${id}: ${JSON.stringify(published.get(id))}`) };
}

const tables = fc.record({
  nAreas: fc.integer({ min: 2, max: 5 }),
  measures: fc.array(fc.constantFrom<"brott" | "handelser">("brott", "brott", "handelser"), { minLength: 2, maxLength: 4 }),
  // Mostly small values and zeros, as in a kommun's small areas.
  leaves: fc.array(fc.constantFrom(0, 0, 1, 1, 2, 2, 3, 4, 6, 9), { minLength: 36, maxLength: 36 }),
  appliesTo: fc.constantFrom<"areas" | "all">("areas", "all"),
});

describe("every hidden small value against a plain LP of the whole table", () => {
  it("keeps two integers whenever hiding could have kept them", () => {
    let checked = 0;
    fc.assert(
      fc.property(tables, ({ nAreas, measures, leaves, appliesTo }) => {
        const t = tableOf(nAreas, measures, leaves);
        const plan = planSuppression({
          rule: { min_count: K, applies_to: appliesTo },
          areas: t.areas,
          entries: t.categories,
          count: (a, c, m) => (m === MONTH ? t.value(a, c) : null),
          from: MONTH,
          to: MONTH,
        });
        const r = violations(t, (a, c) => plan.cell(a, c, MONTH), appliesTo);
        checked += r.checked;
        expect(r.bad).toEqual([]);
      }),
      { numRuns: 80, seed: 20261205 },
    );
    // Not vacuous: the generated tables hide small values.
    expect(checked).toBeGreaterThan(100);
  });

  it("is a real check: hiding only the small values (no complements) is caught", () => {
    let caught = 0;
    fc.assert(
      fc.property(tables, ({ nAreas, measures, leaves, appliesTo }) => {
        const t = tableOf(nAreas, measures, leaves);
        const inScope = (a: string) => appliesTo === "all" || a !== "kommun";
        const onlySmall: Hidden = (a, c) => (inScope(a) && t.value(a, c) > 0 && t.value(a, c) < K ? "small" : undefined);
        if (violations(t, onlySmall, appliesTo).bad.length > 0) caught++;
      }),
      { numRuns: 40, seed: 20261205 },
    );
    expect(caught).toBeGreaterThan(10);
  });
});
