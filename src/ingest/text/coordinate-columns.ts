/**
 * Finds a file's coordinate columns once, from its header, for a reader whose rows may carry
 * coordinates (spec: coordinates → areas). Returns how to read a row's coordinates, or null, and a
 * note when the file has coordinate columns that cannot be used: the other CRS's columns (x/y without
 * `crs: EPSG:3006`, or lat/lon with it — the axis convention is never guessed) or no `areas_geojson`.
 */
import { COORDINATE_COLUMNS, type CoordinateLocator, type CoordinateOutcome } from "../../geo/coordinate-locator.ts";
import { GEO } from "../../geo/geo-messages.ts";
import { findColumns } from "./parse-swedish-csv.ts";
import type { FileReport } from "../../model/records.ts";

const ALL = [...COORDINATE_COLUMNS["EPSG:4326"], ...COORDINATE_COLUMNS["EPSG:3006"]] as const;

export interface FileCoordinates {
  /** A row's coordinates as an outcome; null when the file's coordinates are not used. */
  read: ((cells: readonly string[]) => CoordinateOutcome) | null;
  /** Why coordinate columns present in the file are not used (Swedish), or null. */
  note: string | null;
}

export function fileCoordinates(
  header: readonly string[],
  rename: Readonly<Record<string, string>> | undefined,
  locator: CoordinateLocator | null,
  keyPath: string,
): FileCoordinates {
  const found: Readonly<Record<string, number>> = findColumns(header, ALL, rename);
  const col = (name: string) => found[name] ?? -1;
  const present = ALL.filter((c) => col(c) >= 0);
  if (present.length === 0) return { read: null, note: null };
  if (locator === null) return { read: null, note: GEO.noAreaMap(present.join(", ")) };
  const [i, j] = [col(locator.columns[0]), col(locator.columns[1])];
  if (i < 0 || j < 0) return { read: null, note: GEO.wrongColumns(present.join(", "), locator.crs, keyPath) };
  return { read: (cells) => locator.locate(cells[i] ?? "", cells[j] ?? ""), note: null };
}

/** Counts one accepted row placed by its coordinates (FileReport.coordinates). */
export function notePlaced(report: FileReport, outcome: CoordinateOutcome): void {
  if (outcome.kind !== "area" && outcome.kind !== "outside") return;
  const c = (report.coordinates ??= { in_area: 0, outside: 0 });
  if (outcome.kind === "area") c.in_area++;
  else c.outside++;
}
