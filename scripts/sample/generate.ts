/**
 * Writes the sample: month by month, oldest first, one file per source and year. History counts are
 * kept per (area, category, month) only, so memory stays small even for benchmark-sized output.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { monthRange } from "../../src/core/month.ts";
import { BLANK_ROW_AFTER_MONTH, DEFECT_ROWS, OVERLAP_YEAR, TOTAL_ROW_YEAR } from "./defects.ts";
import { cellCounts, drawMonth, materialise, type DrawnRow } from "./events.ts";
import { withCoordinates, writeAreasGeojson } from "./geo.ts";
import { AREA_KEYS, FIRST_MONTH, LATEST_MONTH, SEED, SOURCES, expectedRows, type SourceId } from "./model.ts";
import { intBelow, streamFor, type Rng } from "./prng.ts";
import { buildLatestMonth, type History, type LatestMonth } from "./story.ts";
import { KommunFile, PoliceFile } from "./writers.ts";

export interface GenerateOptions {
  /** The folder that gets `incidents/`; the default sample is `data/`. */
  outDir: string;
  /** Scale the police source to about this many rows (benchmarks); default: the sample's natural size. */
  rows?: number;
}

export interface GenerateResult {
  files: Array<{ path: string; rows: number; bytes: number }>;
  latest: LatestMonth;
  /** Σ count per `${area}\t${category}` per month, both sources. */
  history: History;
  scale: number;
  /** Worst month's rejected share of the police source, counting undated rejects in every month. */
  worstRejectedShare: { month: string; share: number };
}

/** Expected police rows over the whole period at scale 1: what `--rows` scales against. */
export function expectedPoliceRows(): number {
  let total = 0;
  for (const month of monthRange(FIRST_MONTH, LATEST_MONTH)) {
    for (const label of SOURCES.polis.labels) for (const area of AREA_KEYS) total += expectedRows(SOURCES.polis, label, area, month);
  }
  return total;
}

export function generateSample(options: GenerateOptions): GenerateResult {
  const scale = options.rows === undefined ? 1 : options.rows / expectedPoliceRows();
  const dir = path.join(options.outDir, "incidents");
  mkdirSync(dir, { recursive: true });
  // The areas' polygons (areas_geojson in config/lagesbild.yaml): the kommun log's coordinates lie in them.
  writeAreasGeojson(options.outDir);
  const files: GenerateResult["files"] = [];
  const history: History = new Map();
  const acceptedByMonth = new Map<string, number>();
  let police: PoliceFile | undefined;
  let kommun: KommunFile | undefined;
  let policeIds: { rng: Rng; seq: number; yy: string } | undefined;
  let kommunSeq = 0;
  let lastMappedPoliceRow: string | undefined;
  let latest: LatestMonth | undefined;

  const nextPoliceId = () => {
    if (!policeIds) throw new Error("no police file open");
    // Other kommuner of the region take the numbers in between: gaps, as in a real export.
    policeIds.seq += 1 + intBelow(policeIds.rng, 12);
    return `5000-K${policeIds.seq}-${policeIds.yy}`;
  };
  const closeYear = (year: number) => {
    if (police && year === TOTAL_ROW_YEAR) police.raw(`Summa;${police.rows};;;`);
    if (police) files.push(police.close());
    if (kommun) files.push(kommun.close());
  };

  for (const month of monthRange(FIRST_MONTH, LATEST_MONTH)) {
    const year = Number(month.slice(0, 4));
    if (month.endsWith("-01")) {
      closeYear(year - 1);
      police = new PoliceFile(path.join(dir, `polis-${year}.csv`));
      kommun = new KommunFile(path.join(dir, `kommun-${year}.csv`));
      policeIds = { rng: streamFor(`${SEED}|polis-ids|${year}`), seq: 100000, yy: String(year).slice(2) };
      kommunSeq = 0;
      if (year === OVERLAP_YEAR && lastMappedPoliceRow) police.raw(lastMappedPoliceRow);
    }
    if (!police || !kommun) throw new Error("files not open");

    let rows: Record<SourceId, DrawnRow[]>;
    let rngs: Record<SourceId, Rng>;
    if (month === LATEST_MONTH) {
      latest = buildLatestMonth(history, month, scale);
      ({ rows, rngs } = latest);
    } else {
      rngs = { polis: streamFor(`${SEED}|polis|${month}`), kommun: streamFor(`${SEED}|kommun|${month}`) };
      rows = { polis: drawMonth(SOURCES.polis, month, rngs.polis, scale), kommun: drawMonth(SOURCES.kommun, month, rngs.kommun) };
    }
    history.set(month, cellCounts([...rows.polis, ...rows.kommun]));
    acceptedByMonth.set(month, rows.polis.filter((r) => r.label.category !== null).length);

    const defects = DEFECT_ROWS.filter((d) => d.month === month);
    for (const event of materialise(rows.polis, SOURCES.polis, month, rngs.polis)) {
      while (defects[0] && defects[0].local < event.local) police.event(nextPoliceId(), defects.shift()!);
      const text = police.event(nextPoliceId(), { ...event, label: event.label.label });
      if (event.label.category !== null && event.area !== "okant") lastMappedPoliceRow = text;
    }
    for (const defect of defects) police.event(nextPoliceId(), defect);
    if (month === BLANK_ROW_AFTER_MONTH) police.raw(";;;;");

    // Coordinates from their own stream, so every other draw (and the story) stays as it was.
    const xyRng = streamFor(`${SEED}|kommun-xy|${month}`);
    for (const event of materialise(rows.kommun, SOURCES.kommun, month, rngs.kommun)) {
      kommunSeq++;
      kommun.event(`KF-${year}-${String(kommunSeq).padStart(5, "0")}`, withCoordinates(xyRng, event));
    }
  }
  closeYear(Number(LATEST_MONTH.slice(0, 4)));
  if (!latest) throw new Error("the latest month was never generated");
  return { files, latest, history, scale, worstRejectedShare: worstShare(acceptedByMonth) };
}

/**
 * The rejected share of spec/inputs.md per month, read strictly: rejects dated in the month plus every
 * undated reject of the source, over accepted + those rejects.
 */
function worstShare(acceptedByMonth: ReadonlyMap<string, number>): { month: string; share: number } {
  const undated = DEFECT_ROWS.filter((d) => d.expect === "bad_date").length;
  let worst = { month: "", share: 0 };
  for (const [month, accepted] of acceptedByMonth) {
    const dated = DEFECT_ROWS.filter((d) => d.expect === "unknown_category" && d.month === month).length;
    const share = (dated + undated) / (accepted + dated + undated);
    if (share > worst.share) worst = { month, share };
  }
  return worst;
}
