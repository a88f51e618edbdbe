/**
 * The areas' polygons as every other module sees them: in SWEREF 99 TM metres (see crs.ts for why one
 * CRS), in the config's area order, already validated by load-areas-geojson.ts. Plain data only, so
 * the config hash (which decides whether a month is rebuilt) covers the geometry too.
 */
import type { Metres } from "./crs.ts";

/** A closed ring: first position = last position, at least four positions. */
export type Ring = Metres[];
/** Outer ring first, then holes (a lake inside the area is not part of it). */
export type PolygonRings = Ring[];

export interface AreaShape {
  /** The config's area id (the feature's property `id`). */
  id: string;
  /** How messages name the feature: `features[2] (id "centrum")`. */
  feature: string;
  /** One entry per part (a Polygon has one, a MultiPolygon one per polygon). */
  polygons: PolygonRings[];
  /** [minE, minN, maxE, maxN] over every part: the cheap test before any point-in-polygon. */
  bbox: [number, number, number, number];
}

export interface AreaMap {
  /** The GeoJSON file, relative to the project root (never absolute: it is hashed and published). */
  path: string;
  sha256: string;
  /** Only areas that have a feature, in the config's area order (the boundary rule depends on it). */
  shapes: AreaShape[];
  /** Swedish, e.g. an area without a feature: shown in the run summary, never fatal. */
  warnings: string[];
}

export function bboxOf(polygons: ReadonlyArray<PolygonRings>): [number, number, number, number] {
  let [minE, minN, maxE, maxN] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of polygons) {
    for (const [e, n] of polygon[0] ?? []) {
      if (e < minE) minE = e;
      if (e > maxE) maxE = e;
      if (n < minN) minN = n;
      if (n > maxN) maxN = n;
    }
  }
  return [minE, minN, maxE, maxN];
}
