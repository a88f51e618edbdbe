/**
 * Exempelkommun on the map (fictional): a small inland town in Norrland on the west shore of a lake,
 * around SWEREF 99 TM E 560 000, N 6 800 000. Five adjacent areas share their boundaries vertex for
 * vertex: Centrum in the middle, Hamnen on the shore east of it, Norrby to the north, Skogsberga west
 * and south with the small lake Mossjön as a hole, and the rural Ljungdal around them. East of the
 * shore is the lake itself, in no area.
 *
 * The kommun log's rows get coordinates here: some rows of a known area lose their area cell and carry
 * x/y (SWEREF 99 TM, x = easting) inside that area instead — the pipeline must put them back, so the
 * story's numbers do not change — and some "okänt område" rows carry a point out on the lake.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { buildPointAssigner } from "../../src/geo/assign-point.ts";
import type { AreaMap } from "../../src/geo/area-shapes.ts";
import { validateAreaFeatures } from "../../src/geo/validate-area-features.ts";
import { AREAS, OKANT, type AreaId, type AreaOrOkant } from "./model.ts";
import type { Rng } from "./prng.ts";

const E0 = 560_000;
const N0 = 6_800_000;
type P = [number, number];

// Shared vertices (metres from E0, N0), named so each boundary is written once for both its areas.
const C1: P = [-1000, -800], C2: P = [900, -900], C3: P = [1100, 700], C4: P = [-800, 1000];
const H1: P = [2600, -1600], H2: P = [3700, -1200], H3: P = [3900, 900], N1: P = [2400, 1600];
const NS1: P = [4100, 3200], N2: P = [2000, 4300], N2b: P = [200, 4900], N3: P = [-1500, 4500], N4: P = [-2300, 1800];
const SS1: P = [3600, -4300], S1b: P = [400, -4800], S2: P = [-2800, -4200], S2b: P = [-3900, -2500], S3: P = [-3600, -600];

/** Counter-clockwise outer rings (RFC 7946), closed. */
const RINGS: Readonly<Record<AreaId, P[]>> = {
  centrum: [C1, C2, C3, C4, C1],
  hamnen: [C2, H1, H2, [3550, -300], H3, N1, C3, C2],
  norrby: [C4, C3, N1, H3, [4300, 2000], NS1, N2, N2b, N3, N4, C4],
  skogsberga: [H2, H1, C2, C1, C4, N4, S3, S2b, S2, S1b, SS1, [3900, -2800], H2],
  ljungdal: [
    SS1, S1b, S2, S2b, S3, N4, N3, N2b, N2, NS1,
    [3800, 5000], [4400, 6500], [2000, 7200], [-3000, 7000], [-6500, 4500], [-7000, -1500], [-6000, -6500], [-1000, -7200], [3400, -6800], [3300, -5600],
    SS1,
  ],
};

/** Mossjön, a hole in Skogsberga: an octagon of radius 500 m around (−1 400, −2 600), clockwise. */
const MOSSJON: P[] = Array.from({ length: 9 }, (_, i) => {
  const a = (-i * Math.PI) / 4;
  return [Math.round(-1400 + 500 * Math.cos(a)), Math.round(-2600 + 500 * Math.sin(a))] as P;
});

const abs = (ring: P[]) => ring.map(([e, n]) => [E0 + e, N0 + n]);

export function areasGeojson(): object {
  return {
    type: "FeatureCollection",
    name: "Exempelkommun – påhittade områden (fiktiva)",
    crs: { type: "name", properties: { name: "urn:ogc:def:crs:EPSG::3006" } },
    features: AREAS.map((a) => ({
      type: "Feature",
      properties: { id: a.id, name: a.name },
      geometry: { type: "Polygon", coordinates: a.id === "skogsberga" ? [abs(RINGS[a.id]), abs(MOSSJON)] : [abs(RINGS[a.id])] },
    })),
  };
}

/** `data/omraden.geojson`: one feature per line, so a diff shows which area changed. */
export function writeAreasGeojson(outDir: string): string {
  const g = areasGeojson() as { features: unknown[] };
  const file = path.join(outDir, "omraden.geojson");
  const head = JSON.stringify({ ...g, features: [] }).replace(/\[\]\}$/, "");
  writeFileSync(file, `${head}[\n${g.features.map((f) => JSON.stringify(f)).join(",\n")}\n]}\n`);
  return file;
}

let cached: { map: AreaMap; assign: (p: P) => string | null } | undefined;
function geometry() {
  if (cached) return cached;
  // The sample's polygons pass the same validation as a user's file, or the generator stops.
  const { shapes, errors } = validateAreaFeatures((areasGeojson() as { features: unknown[] }).features, "EPSG:3006", AREAS);
  if (errors.length > 0) throw new Error(`sample polygons are invalid:\n${errors.join("\n")}`);
  const map: AreaMap = { path: "data/omraden.geojson", sha256: "", shapes, warnings: [] };
  cached = { map, assign: buildPointAssigner(map) };
  return cached;
}

/** A whole-metre point inside `area`, drawn uniformly from its bounding box until it lands in it. */
function pointIn(rng: Rng, area: AreaId): P {
  const { map, assign } = geometry();
  const [minE, minN, maxE, maxN] = map.shapes.find((s) => s.id === area)!.bbox;
  for (;;) {
    const p: P = [Math.round(minE + rng() * (maxE - minE)), Math.round(minN + rng() * (maxN - minN))];
    if (assign(p) === area) return p;
  }
}

/** A point out on the lake east of the shore: in no area. */
function pointOnLake(rng: Rng): P {
  const p: P = [E0 + 5000 + Math.round(rng() * 4000), N0 - 8000 + Math.round(rng() * 16000)];
  if (geometry().assign(p) !== null) throw new Error("lake point inside an area");
  return p;
}

/** Share of rows of a known area written with coordinates instead of an area name (the app's GPS). */
const WITH_COORDINATES = 0.3;
/** Share of okänt-område rows that carry a point on the lake. */
const ON_LAKE = 0.4;

/**
 * The row's area cell and coordinates. Draws only from `rng` (its own stream), so the other streams
 * — and with them the story — are the same as without coordinates.
 */
export function withCoordinates<E extends { area: AreaOrOkant; areaText: string }>(rng: Rng, event: E): E & { xy: P | null } {
  if (event.area === OKANT) {
    return event.areaText === "" && rng() < ON_LAKE ? { ...event, xy: pointOnLake(rng) } : { ...event, xy: null };
  }
  if (rng() >= WITH_COORDINATES) return { ...event, xy: null };
  return { ...event, areaText: "", xy: pointIn(rng, event.area) };
}
