/**
 * The benchmark's many-area kommun (issue 20: kommuner reporting by SCB's RegSO/DeSO have 300–600
 * areas): the generated police and kommun files of `bench-data/<rows>/` with their area cells spread
 * over N areas `o001`…, and a grid of N squares over the sample's map for the rows placed by their
 * coordinates. Only the area cells change, so rows, bytes per row, categories, dates, ids and every
 * defect are the sample's: the figures differ from the 6-area ones by the cost of the areas alone.
 *
 * A row's new area is drawn from its id (FNV-1a), weighted so that areas differ in size as real ones
 * do (about 1:8): the same id gets the same area in every file, so the overlapping export's repeated
 * row is still a `duplicate`. Cells that name no sample area (empty, unknown) are left as they are.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { normaliseLabel } from "../../src/config/normalise-label.ts";
import { AREAS } from "../sample/model.ts";

export interface ManyAreas {
  dir: string;
  /** The config's `areas` (id, name, population). */
  areas: Array<{ id: string; name: string; population: number }>;
  geojson: string;
}

/** 32-bit FNV-1a of a string's code units. */
function fnv(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The sample's area cells (names and aliases, normalised) that are rewritten. */
const SAMPLE_AREAS = new Set(AREAS.flatMap((a) => [a.name, a.id, ...a.aliases].map(normaliseLabel)));

/** Bounding box of the sample's areas (scripts/sample/geo.ts), SWEREF 99 TM metres; the lake east of it stays outside. */
const BOX = { minE: 553_000, minN: 6_792_800, maxE: 564_400, maxN: 6_807_200 };

function gridGeojson(areas: ManyAreas["areas"]): object {
  const cols = Math.ceil(Math.sqrt(areas.length));
  const rows = Math.ceil(areas.length / cols);
  const e = (k: number) => Math.round(BOX.minE + ((BOX.maxE - BOX.minE) * k) / cols);
  const n = (k: number) => Math.round(BOX.minN + ((BOX.maxN - BOX.minN) * k) / rows);
  return {
    type: "FeatureCollection",
    crs: { type: "name", properties: { name: "urn:ogc:def:crs:EPSG::3006" } },
    features: areas.map((a, i) => {
      const c = i % cols;
      const r = Math.floor(i / cols);
      const ring = [[e(c), n(r)], [e(c + 1), n(r)], [e(c + 1), n(r + 1)], [e(c), n(r + 1)], [e(c), n(r)]];
      return { type: "Feature", properties: { id: a.id, name: a.name }, geometry: { type: "Polygon", coordinates: [ring] } };
    }),
  };
}

/**
 * Rewrites one file's 4th column (the area: `Område` in the police export, `area` in the kommun log).
 * The first three columns (id, time, label) are never quoted in the generated files.
 */
function rewrite(text: string, delimiter: string, pick: (id: string) => string): string {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const lines = text.split(eol);
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    let at = -1;
    const starts: number[] = [];
    for (let k = 0; k < 3; k++) {
      at = line.indexOf(delimiter, at + 1);
      if (at < 0) break;
      starts.push(at + 1);
    }
    if (starts.length < 3) continue;
    const from = starts[2]!;
    if (line[from] === '"') continue; // a quoted area cell is none of the sample's names
    let to = line.indexOf(delimiter, from);
    if (to < 0) to = line.length;
    if (!SAMPLE_AREAS.has(normaliseLabel(line.slice(from, to)))) continue;
    lines[i] = line.slice(0, from) + pick(line.slice(0, starts[0]! - 1)) + line.slice(to);
  }
  return lines.join(eol);
}

/** `bench-data/<rows>-areas-<n>/`, made from `baseDir` once (a stamp records the base it was made from). */
export function ensureManyAreas(baseDir: string, count: number): ManyAreas {
  const dir = `${baseDir}-areas-${count}`;
  const areas = Array.from({ length: count }, (_, i) => {
    const id = `o${String(i + 1).padStart(3, "0")}`;
    // 900–3 100 residents: DeSO have 700–2 700, RegSO more; the sum is of no importance here.
    return { id, name: `Område ${i + 1}`, population: 900 + (fnv(`${id}|pop`) % 2200) };
  });
  const geojson = path.join(dir, "omraden.geojson");
  const baseStamp = readFileSync(path.join(baseDir, ".generator"), "utf8");
  const stamp = path.join(dir, ".made-from");
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === `${baseStamp}|${count}|1`) return { dir, areas, geojson };
  console.log(`spreading ${path.basename(baseDir)} over ${count} areas into ${path.basename(dir)} …`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, "incidents"), { recursive: true });
  const weights = areas.map((a) => 1 + 7 * ((fnv(`${a.id}|size`) % 1000) / 1000));
  const cumulative: number[] = [];
  let total = 0;
  for (const w of weights) cumulative.push((total += w));
  const pick = (id: string) => {
    const u = (fnv(id) / 2 ** 32) * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > u) hi = mid;
      else lo = mid + 1;
    }
    return areas[lo]!.name;
  };
  for (const f of readdirSync(path.join(baseDir, "incidents")).sort()) {
    const bytes = readFileSync(path.join(baseDir, "incidents", f));
    // The police export is Windows-1252, whose letters here (å, ä, ö) are Latin-1's: a byte-exact round trip.
    const police = f.startsWith("polis-");
    const text = police ? bytes.toString("latin1") : bytes.toString("utf8");
    const out = rewrite(text, police ? ";" : ",", pick);
    writeFileSync(path.join(dir, "incidents", f), Buffer.from(out, police ? "latin1" : "utf8"));
  }
  writeFileSync(geojson, JSON.stringify(gridGeojson(areas)));
  writeFileSync(stamp, `${baseStamp}|${count}|1`);
  return { dir, areas, geojson };
}
