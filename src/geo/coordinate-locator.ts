/**
 * A source row's coordinates → its area. The public entry point for every reader with coordinates
 * (incident CSV now, field reports next):
 *
 *   const locate = coordinateLocator(config.areaMap, source.crs ?? "EPSG:4326");
 *   locate.columns            // ["lat", "lon"] or ["x", "y"]: the columns to read, in this order
 *   locate.locate("62,39", "17,30")  // { kind: "area", area: "centrum" } | { kind: "outside" } | { kind: "bad", … }
 *
 * Columns (one convention, no guessing): WGS 84 (`crs: EPSG:4326`, the default) is read from `lat` and
 * `lon` in degrees; SWEREF 99 TM (`crs: EPSG:3006`) from `x` = easting (öst, E, six digits) and `y` =
 * northing (nord, N, seven digits), as GIS exports name them (QGIS, ArcGIS) — not the geodetic "x = N"
 * of Lantmäteriet's tables. A point outside Sweden is rejected as `bad_number:<column>` rather than put
 * in "okänt område": it is a swapped pair or a wrong CRS, and the analyst must see it. Coordinates are
 * never stored or published, only the area they fall in.
 */
import type { AreaMap } from "./area-shapes.ts";
import { buildPointAssigner } from "./assign-point.ts";
import { inSwedenExtent, wgs84ToSweref, type Crs, type Metres } from "./crs.ts";
import { GEO } from "./geo-messages.ts";
import { parseNumber } from "../core/parse-number.ts";

export const COORDINATE_COLUMNS: Readonly<Record<Crs, readonly [string, string]>> = {
  "EPSG:4326": ["lat", "lon"],
  "EPSG:3006": ["x", "y"],
};

export type CoordinateOutcome =
  | { kind: "none" }
  | { kind: "area"; area: string }
  | { kind: "outside" }
  | { kind: "bad"; column: string; message: string };

export const NO_COORDINATES: CoordinateOutcome = { kind: "none" };

export interface CoordinateLocator {
  crs: Crs;
  /** The two columns to read, in the order `locate` takes them. */
  columns: readonly [string, string];
  /** Both cells empty → none; one empty, not a number, or outside Sweden → bad; else area or outside. */
  locate(first: string, second: string): CoordinateOutcome;
}

export function coordinateLocator(map: AreaMap, crs: Crs): CoordinateLocator {
  const assign = buildPointAssigner(map);
  const columns = COORDINATE_COLUMNS[crs];
  const [c1, c2] = columns;
  const toMetres = (a: number, b: number): Metres => (crs === "EPSG:4326" ? wgs84ToSweref(b, a) : [a, b]);
  return {
    crs,
    columns,
    locate(first, second) {
      const [t1, t2] = [first.trim(), second.trim()];
      if (t1 === "" && t2 === "") return NO_COORDINATES;
      if (t1 === "") return { kind: "bad", column: c1, message: GEO.halfCoordinate(c2, c1) };
      if (t2 === "") return { kind: "bad", column: c2, message: GEO.halfCoordinate(c1, c2) };
      // Swedish coordinates are positive: parseNumber's non-negative reading (decimal comma or point,
      // grouped thousands) is exactly what Excel and GIS exports write.
      const [a, b] = [parseNumber(t1), parseNumber(t2)];
      if (a === null) return { kind: "bad", column: c1, message: GEO.badCoordinate(c1, t1) };
      if (b === null) return { kind: "bad", column: c2, message: GEO.badCoordinate(c2, t2) };
      const point = toMetres(a, b);
      if (!inSwedenExtent(point)) return { kind: "bad", column: c1, message: GEO.coordinateOutside(columns, crs) };
      const area = assign(point);
      return area === null ? { kind: "outside" } : { kind: "area", area };
    },
  };
}
