/**
 * The two coordinate reference systems lagesbild reads: WGS 84 (EPSG:4326, longitude/latitude in
 * degrees, what RFC 7946 GeoJSON and phone apps use) and SWEREF 99 TM (EPSG:3006, metres, what Swedish
 * kommuner and Lantmäteriet use). All geometry is done in SWEREF 99 TM: in a transverse Mercator grid
 * over one country, planar maths on metres is right (distances within ~0.1 %), on degrees it is not.
 *
 * The projection itself is proj4's, never hand-written: SWEREF 99 TM is UTM zone 33 on GRS 80 with
 * SWEREF 99 ≡ WGS 84 at the metre level (towgs84 all zero), exactly as EPSG defines it.
 */
import proj4 from "proj4";
import { at } from "../core/checked.ts";
import { isRecord } from "../core/is-record.ts";

export type Crs = "EPSG:4326" | "EPSG:3006";

proj4.defs("EPSG:3006", "+proj=utm +zone=33 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs");
const converter = proj4("EPSG:4326", "EPSG:3006");

/** Easting, northing in metres. */
export type Metres = [e: number, n: number];

/** @example wgs84ToSweref(15, 60) // ≈ [500 000, 6 651 411] (on the central meridian 15° E) */
export function wgs84ToSweref(lon: number, lat: number): Metres {
  const p = converter.forward([lon, lat]);
  return [at(p, 0), at(p, 1)];
}

/** Longitude, latitude in degrees. */
export function swerefToWgs84(e: number, n: number): [lon: number, lat: number] {
  const p = converter.inverse([e, n]);
  return [at(p, 0), at(p, 1)];
}

/**
 * Where SWEREF 99 TM is meant to be used (Sweden, with a margin for its waters), in its own metres.
 * A point outside is a wrong CRS or swapped axes far more often than a real place: a northing written
 * as easting is ≥ 6 000 000, far beyond any Swedish easting, so the two can never be confused.
 */
export const SWEDEN_EXTENT = { minE: 100_000, maxE: 1_200_000, minN: 6_000_000, maxN: 7_800_000 } as const;

export function inSwedenExtent([e, n]: Metres): boolean {
  const x = SWEDEN_EXTENT;
  return e >= x.minE && e <= x.maxE && n >= x.minN && n <= x.maxN;
}

/**
 * The CRS a GeoJSON `crs` member declares (the 2008 GeoJSON form that GDAL and QGIS still write):
 * absent → WGS 84 (RFC 7946 §4); a named SWEREF 99 TM or WGS 84 → that; anything else → null.
 * Positions are always read easting/longitude first, as GDAL writes them even for URNs whose EPSG
 * axis order is north first; `inSwedenExtent` then catches a file that really is north first.
 */
export function crsOfGeojson(member: unknown): Crs | null {
  if (member === undefined || member === null) return "EPSG:4326";
  const name = isRecord(member) && isRecord(member.properties) ? member.properties.name : undefined;
  if (typeof name !== "string") return null;
  const code = /(?:EPSG:+|EPSG\/0\/|crs\/EPSG\/0\/)(\d+)$/i.exec(name.trim())?.[1];
  if (code === "3006") return "EPSG:3006";
  if (code === "4326" || /CRS84$/i.test(name.trim())) return "EPSG:4326";
  return null;
}
