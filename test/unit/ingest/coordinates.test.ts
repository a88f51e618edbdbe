/**
 * Incident rows with coordinates and no area (format: csv): placed in the area whose polygon holds
 * them, else "okänt område" and counted, and every row still ends accepted, ignored or rejected.
 * Polygons: test/fixtures/geo/squares.ts with the ids of the ingest fixture's areas (centrum, ljusne).
 */
import { afterEach, describe, expect, it } from "vitest";
import { loadAreaMap } from "../../../src/geo/load-areas-geojson.ts";
import { ingestSources } from "../../../src/ingest/ingest-sources.ts";
import { isBalanced } from "../../../src/ingest/tally.ts";
import { makeProject, NOW, type TestProject } from "../../fixtures/ingest/project.ts";
import { feature, square } from "../../fixtures/geo/squares.ts";

let project: TestProject | null = null;
afterEach(() => {
  project?.cleanup();
  project = null;
});

const source = (crs: string | null) => `
  - id: kommun
    kind: incidents
    measure: brott
    format: csv
    path: ../data/kommun-*.csv
    categories: { Skadegörelse: skadegorelse, Misshandel: misshandel, Stöld: stold }
${crs === null ? "" : `    crs: ${crs}\n`}`;

/** centrum: [0, 1000]² with the lake [200, 400]² as a hole; ljusne: [1000, 2000] × [0, 1000] (metres from E 560 000, N 6 800 000). */
const SQUARES = {
  type: "FeatureCollection",
  crs: { type: "name", properties: { name: "urn:ogc:def:crs:EPSG::3006" } },
  features: [
    feature("centrum", { type: "Polygon", coordinates: [square(0, 0, 1000, 1000), square(200, 200, 400, 400).reverse()] }),
    feature("ljusne", { type: "Polygon", coordinates: [square(1000, 0, 2000, 1000)] }),
  ],
};

/** The same two areas as 0.1° × 0.05° boxes in WGS 84 (no crs), side by side at 16.1° E. */
const BOXES = {
  type: "FeatureCollection",
  features: [
    feature("centrum", { type: "Polygon", coordinates: [[[16.0, 61.8], [16.1, 61.8], [16.1, 61.85], [16.0, 61.85], [16.0, 61.8]]] }),
    feature("ljusne", { type: "Polygon", coordinates: [[[16.1, 61.8], [16.2, 61.8], [16.2, 61.85], [16.1, 61.85], [16.1, 61.8]]] }),
  ],
};

async function ingest(csv: string, opts: { crs: string | null; geojson: unknown | null }) {
  project = makeProject(source(opts.crs), opts.geojson === null ? "" : "areas_geojson: ../data/omraden.geojson\n");
  if (opts.geojson !== null) project.write("omraden.geojson", JSON.stringify(opts.geojson));
  project.write("kommun-2024.csv", Buffer.from(csv, "utf8"));
  const areaMap = loadAreaMap(project.config);
  const config = areaMap === undefined ? project.config : { ...project.config, areaMap };
  const result = await ingestSources(config, { now: NOW, quarantine: false });
  const data = result.incidents[0]!;
  const file = data.files[0]!;
  expect(isBalanced(file.tally)).toBe(true);
  const counts = Object.fromEntries([...data.counts].map(([k, v]) => [k.split("\t")[0]!, v]));
  return { file, counts };
}

// SWEREF 99 TM, x = easting, y = northing; the comment is each row's outcome worked out by hand.
const SWEREF_FILE = [
  "id,occurred_at,category,area,x,y",
  "1,2024-03-01,Skadegörelse,,560500,6800500", // centrum (inside the west square)
  "2,2024-03-02,Skadegörelse,,561500,6800500", // ljusne
  "3,2024-03-03,Skadegörelse,,561000,6800500", // on the shared boundary: centrum, first in config order
  "4,2024-03-04,Skadegörelse,,560300,6800300", // in the lake: okant, counted as outside
  "5,2024-03-05,Skadegörelse,Ljusne,560500,6800500", // the area cell wins: ljusne
  "6,2024-03-06,Skadegörelse,,,", // no area, no coordinates: okant, not counted
  "7,2024-03-07,Skadegörelse,,6800500,560500", // swapped axes: rejected bad_number:x
  "8,2024-03-08,Skadegörelse,,abc,6800500", // rejected bad_number:x
  "9,2024-03-09,Skadegörelse,,560500,", // rejected bad_number:y
  '10,2024-03-10,Skadegörelse,,"560 500,5",6800600.25', // decimal comma, grouping, decimal point: centrum
].join("\n");

describe("coordinates → areas in an incident CSV (SWEREF 99 TM, x/y)", () => {
  it("accounts for every row: 10 read = 7 accepted + 0 ignored + 3 rejected", async () => {
    const { file } = await ingest(SWEREF_FILE, { crs: "EPSG:3006", geojson: SQUARES });
    expect([file.tally.read, file.tally.accepted, file.tally.ignored, file.tally.rejected]).toEqual([10, 7, 0, 3]);
  });

  it("places rows by their polygons: centrum 3, ljusne 2, okänt område 2", async () => {
    const { counts } = await ingest(SWEREF_FILE, { crs: "EPSG:3006", geojson: SQUARES });
    expect(counts).toEqual({ centrum: 3, ljusne: 2, okant: 2 });
  });

  it("counts the rows placed by coordinates: 4 in an area, 1 outside every area", async () => {
    const { file } = await ingest(SWEREF_FILE, { crs: "EPSG:3006", geojson: SQUARES });
    expect(file.coordinates).toEqual({ in_area: 4, outside: 1 });
  });

  it("rejects unusable coordinates as bad_number with the column", async () => {
    const { file } = await ingest(SWEREF_FILE, { crs: "EPSG:3006", geojson: SQUARES });
    expect(file.tally.rejected_by_reason).toEqual({ "bad_number:x": 2, "bad_number:y": 1 });
    expect(file.problems.find((p) => p.line === 8)?.message).toContain("förväxlade");
  });
});

describe("coordinates → areas in an incident CSV (WGS 84, lat/lon)", () => {
  const LATLON = [
    "id,occurred_at,category,area,lat,lon",
    '1,2024-03-01,Skadegörelse,,"61,825","16,05"', // centrum
    "2,2024-03-02,Skadegörelse,,61.825,16.15", // ljusne
    "3,2024-03-03,Skadegörelse,,61.825,16.25", // east of both: okant
    "4,2024-03-04,Skadegörelse,,16.05,61.825", // lat and lon swapped: rejected bad_number:lat
  ].join("\n");

  it("reads lat/lon when the source has no crs, placing 1 in centrum, 1 in ljusne, 1 outside", async () => {
    const { file, counts } = await ingest(LATLON, { crs: null, geojson: BOXES });
    expect(counts).toEqual({ centrum: 1, ljusne: 1, okant: 1 });
    expect(file.tally.rejected_by_reason).toEqual({ "bad_number:lat": 1 });
  });
});

describe("coordinate columns that cannot be used", () => {
  it("notes x/y columns in a source without crs: EPSG:3006 and leaves the rows in okänt område", async () => {
    const { file, counts } = await ingest(SWEREF_FILE.split("\n").slice(0, 3).join("\n"), { crs: null, geojson: SQUARES });
    expect(counts).toEqual({ okant: 2 });
    expect(file.problems).toEqual([expect.objectContaining({ line: null, reason: "coordinates_unused", message: expect.stringContaining("crs: EPSG:3006") })]);
  });

  it("notes coordinate columns when the config has no areas_geojson", async () => {
    const { file } = await ingest(SWEREF_FILE.split("\n").slice(0, 2).join("\n"), { crs: "EPSG:3006", geojson: null });
    expect(file.problems[0]?.message).toContain("saknar areas_geojson");
  });
});
