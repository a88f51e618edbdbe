/**
 * The latest month's story. A demo report should show the trend test doing its job: one change that is
 * real (skadegörelse in Centrum at ~2.5× its usual level: "ökning utöver normal variation") and one that
 * looks large but is not (misshandel in Centrum ~40 % up: "inom normal variation"). Everything else in
 * the month is redrawn (variant 0, 1, 2, …) until it is within normal variation, so chance does not add
 * a third, unplanned headline. The check is the independent binomial test of binomial-check.ts.
 */
import { addMonths } from "../../src/core/month.ts";
import { trendCheck, type TrendCheck, type Verdict } from "./binomial-check.ts";
import { cellCounts, drawMonth, type DrawnRow } from "./events.ts";
import { AREA_KEYS, SEED, SOURCES, type AreaId, type SourceId } from "./model.ts";
import { streamFor, type Rng } from "./prng.ts";

/** Σ count per `${area}\t${category}` per month, both sources together (what `kommun`/`total` sum). */
export type History = Map<string, Map<string, number>>;

interface StoryCell {
  area: AreaId;
  category: string;
  /** The label whose rows are set so the cell reaches factor × its 12-month mean. */
  label: string;
  factor: number;
  expect: Verdict;
}

export const STORY: ReadonlyArray<StoryCell> = [
  { area: "centrum", category: "skadegorelse", label: "Skadegörelse", factor: 2.5, expect: "increase" },
  { area: "centrum", category: "misshandel", label: "Misshandel", factor: 1.4, expect: "normal" },
];

export const CATEGORIES: ReadonlyArray<string> = [
  ...new Set(
    Object.values(SOURCES).flatMap((s) => s.labels.map((l) => l.category).filter((c): c is string => c !== null)),
  ),
];

/** N(area, category) for one month, with `kommun` = all areas incl. okänt område and `total` = all categories. */
export function cellValue(cells: ReadonlyMap<string, number> | undefined, area: string, category: string): number {
  const areas = area === "kommun" ? AREA_KEYS : [area];
  const categories = category === "total" ? CATEGORIES : [category];
  let sum = 0;
  for (const a of areas) for (const c of categories) sum += cells?.get(`${a}\t${c}`) ?? 0;
  return sum;
}

/** Σ N over the 12 months before `month`: the trend test's S. */
export function baselineSum(history: History, month: string, area: string, category: string): number {
  let s = 0;
  for (let k = 1; k <= 12; k++) s += cellValue(history.get(addMonths(month, -k)), area, category);
  return s;
}

function applyStory(rows: DrawnRow[], history: History, month: string): DrawnRow[] {
  let out = rows;
  for (const cell of STORY) {
    const target = Math.round((cell.factor * baselineSum(history, month, cell.area, cell.category)) / 12);
    const inCell = (r: DrawnRow) => r.area === cell.area && r.label.category === cell.category;
    const others = out.filter((r) => inCell(r) && r.label.label !== cell.label).reduce((n, r) => n + r.count, 0);
    const label = SOURCES.polis.labels.find((l) => l.label === cell.label);
    if (!label) throw new Error(`story label ${cell.label} is not a police label`);
    out = out.filter((r) => !(r.area === cell.area && r.label === label));
    for (let i = 0; i < Math.max(0, target - others); i++) out.push({ label, area: cell.area, count: 1 });
  }
  return out;
}

export interface CellCheck extends TrendCheck {
  area: string;
  category: string;
}

/** Cells the planned increase legitimately lifts as well (its area's total, the kommun's category and total). */
function liftedByStory(area: string, category: string): boolean {
  return STORY.some(
    (s) => s.expect === "increase" && (area === s.area || area === "kommun") && (category === s.category || category === "total"),
  );
}

export function checkMonth(history: History, month: string, cells: ReadonlyMap<string, number>): { all: CellCheck[]; ok: boolean } {
  const all: CellCheck[] = [];
  let ok = true;
  for (const area of [...AREA_KEYS, "kommun"]) {
    for (const category of [...CATEGORIES, "total"]) {
      const check = { area, category, ...trendCheck(cellValue(cells, area, category), baselineSum(history, month, area, category)) };
      all.push(check);
      const story = STORY.find((s) => s.area === area && s.category === category);
      if (story) ok &&= check.verdict === story.expect;
      else if (!(liftedByStory(area, category) && check.verdict === "increase")) ok &&= check.verdict === "normal";
    }
  }
  return { all, ok };
}

export interface LatestMonth {
  rows: Record<SourceId, DrawnRow[]>;
  /** The streams, positioned after the draw: materialising continues from them. */
  rngs: Record<SourceId, Rng>;
  variant: number;
  checks: CellCheck[];
  ok: boolean;
}

const MAX_VARIANTS = 2000;

/**
 * Draws the latest month with the story applied. With `scale` ≠ 1 (benchmark data) the story is applied
 * but not searched for or verified: at 1000× the counts, a 30 % change is never within noise.
 */
export function buildLatestMonth(history: History, month: string, scale: number): LatestMonth {
  let last: LatestMonth | undefined;
  for (let variant = 0; variant < (scale === 1 ? MAX_VARIANTS : 1); variant++) {
    const rngs = {
      polis: streamFor(`${SEED}|polis|${month}|v${variant}`),
      kommun: streamFor(`${SEED}|kommun|${month}|v${variant}`),
    };
    const rows = {
      polis: applyStory(drawMonth(SOURCES.polis, month, rngs.polis, scale), history, month),
      kommun: drawMonth(SOURCES.kommun, month, rngs.kommun),
    };
    const cells = cellCounts([...rows.polis, ...rows.kommun]);
    const { all, ok } = checkMonth(history, month, cells);
    last = { rows, rngs, variant, checks: all, ok: ok || scale !== 1 };
    if (ok) return last;
  }
  if (!last) throw new Error("no variant drawn");
  return last;
}
