/**
 * What the analyst reads about `areas_geojson` and about coordinates in source rows: what is wrong and
 * what to do, in Swedish, in one place.
 */
import type { Crs } from "./crs.ts";

const metres = (v: number) => String(Math.round(v)).replace(/\B(?=(\d{3})+(?!\d))/g, " ");

export const GEO = {
  unreadable: (file: string, reason: string) => `kan inte läsa ${file} (${reason}); kontrollera sökvägen (relativ till konfigurationsfilens mapp)`,
  notJson: (file: string, reason: string) => `${file} är inte giltig JSON (${reason})`,
  notCollection: (file: string) => `${file} ska vara en GeoJSON FeatureCollection med en feature per område`,
  unknownCrs: (name: string) =>
    `okänt crs ${name}; använd urn:ogc:def:crs:EPSG::3006 (SWEREF 99 TM) eller utelämna crs för WGS 84`,
  missingId: 'egenskapen id saknas; ge varje feature properties.id med områdets id från areas i konfigurationen',
  unknownId: (known: string[]) => `okänt område-id (områdena i konfigurationen: ${known.join(", ")})`,
  duplicateId: (earlier: string) => `samma id som ${earlier}; slå ihop delarna till en MultiPolygon`,
  ringTooShort: (n: number) => `ringen har ${n} positioner, minst 4 behövs (tre hörn och första punkten igen)`,
  ringNotFinite: "ringen innehåller ett tal som inte är ändligt",
  ringNotClosed: "ringen är inte sluten: första och sista positionen måste vara samma",
  outsideSweden: (crs: Crs) =>
    crs === "EPSG:3006"
      ? "koordinaterna ligger utanför Sverige i SWEREF 99 TM; står öst (E) före nord (N) i varje position?"
      : "koordinaterna ligger utanför Sverige; filen saknar crs och läses därför som WGS 84 (longitud, latitud). Är den i SWEREF 99 TM, ange crs urn:ogc:def:crs:EPSG::3006",
  selfIntersection: (e: number, n: number) =>
    `ringen korsar sig själv (eller ett hål korsar den yttre ringen) nära E ${metres(e)}, N ${metres(n)} i SWEREF 99 TM; rätta geometrin, t.ex. med QGIS "Fix geometries"`,
  overlap: (a: string, b: string, m2: number) =>
    `${a} och ${b} överlappar (ungefär ${metres(m2)} m²); områden får gränsa till varandra men inte täcka samma mark`,
  areaWithoutFeature: (id: string, name: string) =>
    `areas_geojson: området ${name} (${id}) har ingen polygon; det ritas inte på kartan och inga koordinater placeras där`,

  /** Row messages (reason `bad_number:<column>`). */
  badCoordinate: (column: string, text: string) => `koordinaten ${column} "${text}" är inte ett tal`,
  halfCoordinate: (present: string, missing: string) => `${present} är ifylld men ${missing} är tom; båda behövs`,
  coordinateOutside: (columns: readonly [string, string], crs: Crs) =>
    crs === "EPSG:3006"
      ? `koordinaten (${columns.join(", ")}) ligger utanför Sverige i SWEREF 99 TM; x är öst (E, 6 siffror) och y är nord (N, 7 siffror) – är de förväxlade?`
      : `koordinaten (${columns.join(", ")}) ligger utanför Sverige i WGS 84; är lat och lon förväxlade, eller är de i SWEREF 99 TM (ange då crs: EPSG:3006 och kolumnerna x, y)?`,
  /** File notes (reason `coordinates_unused`, no line). */
  wrongColumns: (found: string, crs: Crs, keyPath: string) =>
    crs === "EPSG:3006"
      ? `filen har kolumnerna ${found} men källan har crs: EPSG:3006, som läses från kolumnerna x (öst) och y (nord); koordinaterna används inte – rätta crs i ${keyPath}`
      : `filen har kolumnerna ${found}, men källan har inte crs: EPSG:3006; koordinaterna används inte – ange crs: EPSG:3006 i ${keyPath} om x och y är SWEREF 99 TM (x öst, y nord)`,
  noAreaMap: (found: string) =>
    `filen har kolumnerna ${found}, men konfigurationen saknar areas_geojson; koordinaterna används inte`,
} as const;
