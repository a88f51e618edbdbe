/**
 * The attacker of spec/indicators.md "Suppression", property 2: a linear programme over everything the
 * output folder publishes (every month's indicators.json), solved with HiGHS. It knows
 * - every visible count N(a, c, t) (series points, previous month, same month last year),
 * - per month and category, `kommun` = Σ areas + `okant`; per area, each total = Σ its measure's categories,
 * - every visible window sum (ytd, 12 months, and last year's) as the sum of its months,
 * - a "small" value lies in 1..k−1, a "protects" value is ≥ k (or ≥ 0 where its true value is 0: the
 *   attacker cannot tell which, but we grant it the stronger bound wherever it holds), any other unknown ≥ 0.
 * Derived figures (changes, rates, baseline means, p-values) are published only when all their inputs are
 * visible (checked separately), so they add nothing to the programme.
 * For every hidden small value (a count or a small window sum) it minimises and maximises the value; the
 * value is "recoverable" when the interval holds fewer than two integers.
 */
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { intervals, loadSolver, type Relation } from "../../src/aggregate/lp-interval.ts";
import { addMonths } from "../../src/core/month.ts";
import type { Indicators, IncidentEntry } from "../../src/model/indicators.ts";
import { IndicatorsFileSchema } from "../../src/model/indicators-file.ts";

export interface AuditResult {
  /** Hidden small values checked. */
  checked: number;
  /** Those narrowed to fewer than two integers, with their interval. */
  recoverable: Array<{ what: string; lo: number; hi: number }>;
  /** Recoverable, but disclosed by a published sum that no hiding can cover (see `inherent` in suppress.ts). */
  inherent: Array<{ what: string; lo: number; hi: number }>;
  /** Visible derived figures with a hidden input (must be empty). */
  leakyDerived: string[];
}

/** True values, for the bounds of "protects" cells: `(area, category, month) → N`. */
export type Truth = (area: string, category: string, month: string) => number | null;

function isTotal(c: string): boolean {
  return c === "total" || c.startsWith("total:");
}

function measureOf(e: IncidentEntry): string {
  const m = (e as { measure?: unknown }).measure;
  if (typeof m === "string") return m;
  return e.category.startsWith("total:") ? e.category.slice(6) : "";
}

export function readFolder(outDir: string): Indicators[] {
  if (!existsSync(outDir)) return [];
  return readdirSync(outDir)
    .filter((d) => /^\d{4}-\d{2}$/.test(d) && existsSync(path.join(outDir, d, "indicators.json")))
    .sort()
    .map((d): Indicators => IndicatorsFileSchema.parse(JSON.parse(readFileSync(path.join(outDir, d, "indicators.json"), "utf8"))));
}

/**
 * The audit, with each recoverable value classed as inherent when it is recoverable even with every
 * area-level value hidden and nothing published but what property 1 forces: the kommun's figures and
 * the labels, including the "small" label of every window sum of 1..k−1. Nothing can protect such a
 * value: e.g. the kommun's 7 over areas 1, 1, 1, 1, 3, 0, or a year to date of two months of 1 — the
 * sum must say "färre än 3" and each month must say "färre än 3", so each month is 1.
 */
export async function auditPublished(files: Indicators[], k: number, truth: Truth): Promise<AuditResult> {
  const real = await solveAudit(files, k, truth);
  if (real.recoverable.length === 0) return real;
  // A value is inherent when nothing decided in the month it was first narrowed to one value (t*) could
  // have protected it: it stays pinned when every value born in t* is hidden, labelled as property 1
  // and 2 force ("small" 1..k−1, "protects" ≥ k), the earlier files as published and the later ones not
  // yet written. The plan (src/aggregate/suppress.ts, `repairOverTime`) gives up exactly those; a
  // publisher cannot see a later month's data when it decides a month.
  const firstPin = new Map<string, string>();
  const remaining = new Set(real.recoverable.map((r) => r.what));
  const months = files.map((f) => f.month).sort();
  for (const t of months) {
    if (remaining.size === 0) break;
    const prefix = await solveAudit(files.filter((f) => f.month <= t), k, truth, remaining);
    for (const r of prefix.recoverable) (firstPin.set(r.what, t), remaining.delete(r.what));
  }
  const byFirstPin = new Map<string, Set<string>>();
  for (const [what, t] of firstPin) byFirstPin.set(t, (byFirstPin.get(t) ?? new Set()).add(what));
  const pinned = new Set<string>();
  for (const [t, whats] of [...byFirstPin].sort()) {
    const world = await solveAudit(files.filter((f) => f.month <= t).map((f) => hideFrom(f, k, t)), k, truth, whats);
    for (const r of world.recoverable) pinned.add(r.what);
  }
  return {
    ...real,
    recoverable: real.recoverable.filter((r) => !pinned.has(r.what)),
    inherent: real.recoverable.filter((r) => pinned.has(r.what)),
  };
}

/**
 * A published file with every area-level value born in month `from` or later hidden, labelled by its
 * value ("small" or "protects": property 1 and 2 force a label on every hidden value, so this is the
 * least a publisher can say). Values born earlier stay as published.
 */
function hideFrom(f: Indicators, k: number, from: string): Indicators {
  const out = structuredClone(f);
  const m = f.month;
  const label = (v: number) => (v > 0 && v < k ? "small" : "protects");
  const born: Record<string, string> = { count: m, previous_month: addMonths(m, -1), same_month_last_year: addMonths(m, -12), last_year: addMonths(m, -12), previous: addMonths(m, -12) };
  for (const area of out.areas) {
    for (const e of area.incidents) {
      for (const o of [e.month, e.ytd, e.rolling_12m] as Array<Record<string, unknown>>) {
        for (const key of Object.keys(born)) {
          if (!(key in o) || born[key]! < from) continue;
          // Month fields repeat a series point (hidden there); a hidden sum is labelled "small" or
          // "protects" (≥ k: the audit grants ≥ 0 where the true sum is 0).
          if (o === e.month || area.id === "kommun") {
            o[key] = null;
            delete o[`${key}_suppressed`];
          } else if (o[key] !== null) {
            o[`${key}_suppressed`] = label(o[key] as number);
            o[key] = null;
          }
        }
      }
      if (m >= from) e.suppressed = false;
      if (area.id !== "kommun") e.series = e.series.map((p) => (p.count === null || p.month < from ? p : { month: p.month, count: null, suppressed: label(p.count) }));
    }
  }
  return out;
}

async function solveAudit(files: Indicators[], k: number, truth: Truth, only?: Set<string>): Promise<AuditResult> {
  const known = new Map<string, number>(); // visible N(a, c, t)
  const kinds = new Map<string, string>(); // hidden N(a, c, t) → kind
  const sumRows: Array<{ cells: string[]; value: number | null; kind?: string; what: string }> = [];
  const leakyDerived: string[] = [];
  const cellsSeen = new Set<string>();
  const areas = new Set<string>();
  const structure = new Map<string, IncidentEntry>();

  const note = (a: string, c: string, t: string, v: number | null, kind: unknown) => {
    const id = `${a}|${c}|${t}`;
    if (v !== null) known.set(id, v);
    else if (typeof kind === "string" || kind === true) kinds.set(id, kind === true ? "small" : kind);
    else return; // unavailable: no value exists, no relation
    cellsSeen.add(id);
  };
  const window = (m: string, length: number) => Array.from({ length }, (_, i) => addMonths(m, i - length + 1));

  for (const ind of files) {
    const m = ind.month;
    for (const area of ind.areas) {
      areas.add(area.id);
      for (const e of area.incidents) {
        structure.set(e.category, e);
        const a = area.id;
        const c = e.category;
        for (const p of e.series) note(a, c, p.month, p.count, p.suppressed);
        note(a, c, m, e.month.count, e.month.count_suppressed ?? (e.suppressed ? "small" : undefined));
        note(a, c, addMonths(m, -1), e.month.previous_month, e.month.previous_month_suppressed);
        note(a, c, addMonths(m, -12), e.month.same_month_last_year, e.month.same_month_last_year_suppressed);
        const ytdLen = Number(m.slice(5, 7));
        const sums: Array<[string, number | null, unknown, string[]]> = [
          ["ytd", e.ytd.count, e.ytd.count_suppressed, window(m, ytdLen)],
          ["ytd.last_year", e.ytd.last_year, e.ytd.last_year_suppressed, window(addMonths(m, -12), ytdLen)],
          ["rolling", e.rolling_12m.count, e.rolling_12m.count_suppressed, window(m, 12)],
          ["rolling.previous", e.rolling_12m.previous, e.rolling_12m.previous_suppressed, window(addMonths(m, -12), 12)],
        ];
        for (const [name, v, kind, months] of sums) {
          if (v === null && kind === undefined) continue;
          const cells = months.map((t) => `${a}|${c}|${t}`);
          for (const id of cells) cellsSeen.add(id);
          sumRows.push({ cells, value: v, kind: typeof kind === "string" ? kind : undefined, what: `${m} ${a} ${c} ${name}` });
        }
        // Derived figures published beside a hidden input give it back (one place checks all of them).
        const mo = e.month as Record<string, unknown>;
        const hid = (o: Record<string, unknown>, key: string) => o[`${key}_suppressed`] !== undefined;
        if ((hid(mo, "count") || hid(mo, "same_month_last_year")) && (mo.change_abs !== null || mo.change_pct !== null)) leakyDerived.push(`${m} ${a} ${c} month.change`);
        if (hid(mo, "count") && mo.per_100k !== null) leakyDerived.push(`${m} ${a} ${c} month.per_100k`);
        const yo = e.ytd as Record<string, unknown>;
        if ((hid(yo, "count") || hid(yo, "last_year")) && (yo.change_abs !== null || yo.change_pct !== null)) leakyDerived.push(`${m} ${a} ${c} ytd.change`);
        const ro = e.rolling_12m as Record<string, unknown>;
        if ((hid(ro, "count") || hid(ro, "previous")) && (ro.change_abs !== null || ro.change_pct !== null || (hid(ro, "count") && ro.per_100k !== null))) leakyDerived.push(`${m} ${a} ${c} rolling`);
        if (e.trend !== null && e.month.count === null && e.month.count_suppressed !== undefined) leakyDerived.push(`${m} ${a} ${c} trend`);
      }
    }
  }

  // Variables: every cell not visible anywhere.
  const vars = new Map<string, number>();
  const term = (id: string): { v?: number; c?: number } => {
    const k0 = known.get(id);
    if (k0 !== undefined) return { c: k0 };
    let i = vars.get(id);
    if (i === undefined) {
      i = vars.size;
      vars.set(id, i);
    }
    return { v: i };
  };
  const relations: Relation[] = [];
  const addRow = (cells: string[], sumCell: string | null, lo: number, hi: number) => {
    const terms: Relation["terms"] = [];
    let constant = 0;
    for (const id of cells) {
      const t = term(id);
      if (t.v !== undefined) terms.push({ v: t.v, coef: 1 });
      else constant += t.c!;
    }
    if (sumCell !== null) {
      const t = term(sumCell);
      if (t.v !== undefined) terms.push({ v: t.v, coef: -1 });
      else constant -= t.c!;
    }
    if (terms.length === 0) return;
    relations.push({ terms, lo: lo - constant, hi: hi - constant });
  };
  // Lines of each month's table, over every month any file shows.
  const months = [...new Set([...cellsSeen].map((id) => id.split("|")[2]!))].sort();
  const cats = [...structure.values()];
  for (const t of months) {
    for (const e of cats) {
      const c = e.category;
      const memb = [...areas].filter((a) => a !== "kommun").map((a) => `${a}|${c}|${t}`);
      if ([`kommun|${c}|${t}`, ...memb].every((id) => known.has(id) || kinds.has(id))) addRow(memb, `kommun|${c}|${t}`, 0, 0);
      if (isTotal(c)) {
        for (const a of areas) {
          const ms = cats.filter((x) => !isTotal(x.category) && (measureOf(x) === measureOf(e) || measureOf(e) === "")).map((x) => `${a}|${x.category}|${t}`);
          if ([`${a}|${c}|${t}`, ...ms].every((id) => known.has(id) || kinds.has(id))) addRow(ms, `${a}|${c}|${t}`, 0, 0);
        }
      }
    }
  }
  const targets: Array<{ what: string; cells: string[] }> = [];
  for (const s of sumRows) {
    if (s.value !== null) addRow(s.cells, null, s.value, s.value);
    else if (s.kind === "small") {
      addRow(s.cells, null, 1, k - 1);
      targets.push({ what: s.what, cells: s.cells });
    } else if (s.kind === "protects") {
      const trueSum = s.cells.reduce((acc, id) => { const [a, c, t] = id.split("|"); return acc + (truth(a!, c!, t!) ?? 0); }, 0);
      addRow(s.cells, null, trueSum === 0 ? 0 : k, Infinity);
    }
  }
  for (const [id, kind] of kinds) if (kind === "small") targets.push({ what: id, cells: [id] });
  const withVars = targets.filter((t) => (only === undefined || only.has(t.what)) && t.cells.some((id) => term(id).v !== undefined));

  const n = vars.size;
  const lower = new Array<number>(n).fill(0);
  const upper = new Array<number>(n).fill(Infinity);
  for (const [id, i] of vars) {
    const kind = kinds.get(id);
    if (kind === "small") (lower[i] = 1, upper[i] = k - 1);
    else if (kind === "protects") {
      const [a, c, t] = id.split("|");
      lower[i] = (truth(a!, c!, t!) ?? 0) === 0 ? 0 : k;
    }
  }
  await loadSolver();
  const iv = intervals({ lower, upper, relations }, withVars.map((t) => t.cells.map((id) => term(id).v).filter((v): v is number => v !== undefined)));
  const recoverable: AuditResult["recoverable"] = [];
  withVars.forEach((t, j) => {
    const constant = t.cells.reduce((s, id) => s + (term(id).c ?? 0), 0);
    const [lo, hi] = [iv[j]![0] + constant, iv[j]![1] + constant];
    if (Math.floor(hi + 1e-6) - Math.ceil(lo - 1e-6) >= 1) return;
    recoverable.push({ what: t.what, lo, hi });
  });
  return { checked: targets.length, recoverable, inherent: [], leakyDerived };
}
