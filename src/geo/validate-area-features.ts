/**
 * Turns the features of an `areas_geojson` file into validated area shapes in SWEREF 99 TM, or says
 * exactly which feature is wrong and how: an id the config does not know, a ring that is not closed,
 * has fewer than four positions or holds a non-finite number, a ring that crosses itself (@turf/kinks),
 * positions outside Sweden (a wrong or missing `crs`, or swapped axes), and two areas that overlap
 * (overlaps.ts). An area of the config without a feature is a warning: the report still works, that
 * area is just not drawn and no coordinate can land in it.
 *
 * Pure: no file system. Errors and warnings are Swedish lines naming `features[i] (id "…")`.
 */
import { kinks } from "@turf/kinks";
import { bboxOf, type AreaShape, type PolygonRings, type Ring } from "./area-shapes.ts";
import { inSwedenExtent, wgs84ToSweref, type Crs, type Metres } from "./crs.ts";
import { AreaFeatureSchema, featurePolygons } from "./geojson-schema.ts";
import { GEO } from "./geo-messages.ts";
import { findOverlaps } from "./overlaps.ts";
import { at, last } from "../core/checked.ts";

export interface ValidatedFeatures {
  shapes: AreaShape[];
  errors: string[];
  warnings: string[];
}

function ringProblem(ring: number[][]): string | null {
  if (ring.length < 4) return GEO.ringTooShort(ring.length);
  if (ring.some((p) => p.some((v) => !Number.isFinite(v)))) return GEO.ringNotFinite;
  // At least 4 positions (above), so the first and last exist.
  const [first, end] = [at(ring, 0), last(ring)];
  if (first[0] !== end[0] || first[1] !== end[1]) return GEO.ringNotClosed;
  return null;
}

const ringName = (polygon: number, ring: number, polygons: number) =>
  `${polygons > 1 ? `polygon ${polygon + 1}, ` : ""}${ring === 0 ? "yttre ringen" : `hål ${ring}`}`;

/** One feature's rings checked and projected; null with `errors` filled when any ring is unusable. */
function featureShape(label: string, raw: number[][][][], crs: Crs, errors: string[]): PolygonRings[] | null {
  const before = errors.length;
  raw.forEach((polygon, p) =>
    polygon.forEach((ring, r) => {
      const problem = ringProblem(ring);
      if (problem !== null) errors.push(`${label}, ${ringName(p, r, raw.length)}: ${problem}`);
    }),
  );
  if (errors.length > before) return null;
  // Every position has two numbers (the schema's position type).
  const project = (pos: number[]): Metres => (crs === "EPSG:4326" ? wgs84ToSweref(at(pos, 0), at(pos, 1)) : [at(pos, 0), at(pos, 1)]);
  const polygons: PolygonRings[] = raw.map((polygon) => polygon.map((ring): Ring => ring.map(project)));
  const outside = polygons.flat(2).find((pos) => !inSwedenExtent(pos));
  if (outside !== undefined) {
    errors.push(`${label}: ${GEO.outsideSweden(crs)}`);
    return null;
  }
  polygons.forEach((polygon, p) => {
    // kinks finds crossings within a ring and between the rings of one polygon (a hole poking out).
    const crossing = kinks({ type: "Polygon", coordinates: polygon }).features[0]?.geometry.coordinates;
    if (crossing !== undefined) {
      errors.push(`${label}${raw.length > 1 ? `, polygon ${p + 1}` : ""}: ${GEO.selfIntersection(at(crossing, 0), at(crossing, 1))}`);
    }
  });
  return errors.length > before ? null : polygons;
}

/**
 * @param features the collection's `features` array as parsed JSON
 * @param areas the config's areas, in config order (the order shapes come back in)
 */
export function validateAreaFeatures(
  features: ReadonlyArray<unknown>,
  crs: Crs,
  areas: ReadonlyArray<{ id: string; name: string }>,
  /** Whether this exact map's overlap check already came out clean (overlap-check-cache.ts): skips it. */
  overlapsCheckedClean: (areaIds: ReadonlyArray<string>) => boolean = () => false,
): ValidatedFeatures {
  const errors: string[] = [];
  const known = new Set(areas.map((a) => a.id));
  const found = new Map<string, AreaShape>();
  features.forEach((value, i) => {
    const parsed = AreaFeatureSchema.safeParse(value);
    if (!parsed.success) {
      // zod's failed parse always carries an issue.
      const issue = at(parsed.error.issues, 0);
      const where = issue.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("");
      errors.push(`features[${i}]${where}: ${issue.message}`);
      return;
    }
    const rawId = parsed.data.properties?.id;
    if (rawId === undefined || String(rawId).trim() === "") {
      errors.push(`features[${i}]: ${GEO.missingId}`);
      return;
    }
    const id = String(rawId).trim();
    const label = `features[${i}] (id "${id}")`;
    if (!known.has(id)) {
      errors.push(`${label}: ${GEO.unknownId([...known])}`);
      return;
    }
    const earlier = found.get(id);
    if (earlier !== undefined) {
      errors.push(`${label}: ${GEO.duplicateId(earlier.feature)}`);
      return;
    }
    const polygons = featureShape(label, featurePolygons(parsed.data), crs, errors);
    if (polygons !== null) found.set(id, { id, feature: label, polygons, bbox: bboxOf(polygons) });
  });

  const shapes = areas.flatMap((a) => found.get(a.id) ?? []);
  if (errors.length === 0 && !overlapsCheckedClean(shapes.map((s) => s.id))) {
    for (const o of findOverlaps(shapes)) errors.push(GEO.overlap(o.a.feature, o.b.feature, o.squareMetres));
  }
  const warnings = areas.filter((a) => !found.has(a.id) && errors.length === 0).map((a) => GEO.areaWithoutFeature(a.id, a.name));
  return { shapes, errors, warnings };
}
