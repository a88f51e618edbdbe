/**
 * SWEREF 99 TM ↔ WGS 84 through proj4, checked against an independent computation: Lantmäteriet's
 * Gauss–Krüger formulas for "Gauss konforma projektion" (GRS 80, central meridian 15° E, scale 0.9996,
 * false easting 500 000 m), written out here term by term. The two agree to well under a metre.
 */
import { describe, expect, it } from "vitest";
import { crsOfGeojson, swerefToWgs84, wgs84ToSweref } from "../../../src/geo/crs.ts";

/** Lantmäteriet, "Gauss konforma projektion (Gauss-Krügers projektion)", geodetic → grid. */
function gaussKruger(latDeg: number, lonDeg: number): { n: number; e: number } {
  const a = 6378137;
  const f = 1 / 298.257222101;
  const k0 = 0.9996;
  const [lon0, falseNorthing, falseEasting] = [15, 0, 500000];
  const e2 = f * (2 - f);
  const n = f / (2 - f);
  const aHat = (a / (1 + n)) * (1 + n ** 2 / 4 + n ** 4 / 64);
  const A = e2;
  const B = (5 * e2 ** 2 - e2 ** 3) / 6;
  const C = (104 * e2 ** 3 - 45 * e2 ** 4) / 120;
  const D = (1237 * e2 ** 4) / 1260;
  const b1 = n / 2 - (2 * n ** 2) / 3 + (5 * n ** 3) / 16 + (41 * n ** 4) / 180;
  const b2 = (13 * n ** 2) / 48 - (3 * n ** 3) / 5 + (557 * n ** 4) / 1440;
  const b3 = (61 * n ** 3) / 240 - (103 * n ** 4) / 140;
  const b4 = (49561 * n ** 4) / 161280;
  const phi = (latDeg * Math.PI) / 180;
  const dLambda = ((lonDeg - lon0) * Math.PI) / 180;
  const [s, c] = [Math.sin(phi), Math.cos(phi)];
  const phiStar = phi - s * c * (A + B * s ** 2 + C * s ** 4 + D * s ** 6);
  const xi = Math.atan(Math.tan(phiStar) / Math.cos(dLambda));
  const eta = Math.atanh(Math.cos(phiStar) * Math.sin(dLambda));
  const terms = [b1, b2, b3, b4];
  let x = xi;
  let y = eta;
  terms.forEach((b, i) => {
    const k = 2 * (i + 1);
    x += b * Math.sin(k * xi) * Math.cosh(k * eta);
    y += b * Math.cos(k * xi) * Math.sinh(k * eta);
  });
  return { n: k0 * aHat * x + falseNorthing, e: k0 * aHat * y + falseEasting };
}

// Places spread over Sweden's extent (south-west, east, far north, both sides of 15° E).
const PLACES: Array<[string, number, number]> = [
  ["Malmö", 55.605, 13.0038],
  ["Stockholm", 59.3293, 18.0686],
  ["Ljusdal", 61.8295, 16.0879],
  ["Kiruna", 67.8558, 20.2253],
  ["Strömstad", 58.9395, 11.1712],
  ["Haparanda", 65.8355, 24.1368],
];

describe("wgs84ToSweref (proj4)", () => {
  it.each(PLACES)("%s (%f N, %f E) agrees with the Gauss–Krüger formulas to 0.1 m", (_name, lat, lon) => {
    const [e, n] = wgs84ToSweref(lon, lat);
    const gk = gaussKruger(lat, lon);
    expect(Math.abs(e - gk.e)).toBeLessThan(0.1);
    expect(Math.abs(n - gk.n)).toBeLessThan(0.1);
  });

  it("puts a point on the central meridian 15° E at easting 500 000 m exactly", () => {
    expect(wgs84ToSweref(15, 62)[0]).toBeCloseTo(500000, 6);
  });
});

describe("swerefToWgs84 (proj4)", () => {
  it.each(PLACES)("takes %s's Gauss–Krüger grid coordinates back to its latitude and longitude", (_name, lat, lon) => {
    const gk = gaussKruger(lat, lon);
    const [lon2, lat2] = swerefToWgs84(gk.e, gk.n);
    // 1e-6 degrees is about 0.1 m of latitude.
    expect(Math.abs(lat2 - lat)).toBeLessThan(1e-6);
    expect(Math.abs(lon2 - lon)).toBeLessThan(1e-6);
  });
});

describe("crsOfGeojson", () => {
  it.each([
    [undefined, "EPSG:4326"],
    [{ type: "name", properties: { name: "urn:ogc:def:crs:EPSG::3006" } }, "EPSG:3006"],
    [{ type: "name", properties: { name: "EPSG:3006" } }, "EPSG:3006"],
    [{ type: "name", properties: { name: "urn:ogc:def:crs:OGC:1.3:CRS84" } }, "EPSG:4326"],
    [{ type: "name", properties: { name: "urn:ogc:def:crs:EPSG::4326" } }, "EPSG:4326"],
    [{ type: "name", properties: { name: "urn:ogc:def:crs:EPSG::3021" } }, null],
  ] as const)("reads %j as %s", (member, expected) => {
    expect(crsOfGeojson(member)).toBe(expected);
  });
});
