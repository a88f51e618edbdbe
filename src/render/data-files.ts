/**
 * A month's open-data files, `indicators.json`, `indicators.csv` and `run.json`: part of every build, and
 * all that `--only data` writes. A module of their own so that the data-only path never loads the
 * charts' chart.js and canvas (issue 7), and so that the list of what `--only data` writes exists once.
 */
import type { Indicators } from "../model/indicators.ts";
import { renderIndicatorsCsv } from "./indicators-csv.ts";
import { stringifyJson, stringifyJsonCompactLeaves } from "../core/write-json.ts";
import { compactBands } from "../model/indicators-file.ts";
import { utf8 } from "../core/utf8.ts";

export interface MonthFile {
  path: string;
  content: Buffer;
}

/** The data files of the suppressed indicators `ind`, in the order the report links them. */
export function renderDataFiles(ind: Indicators, runJson: unknown): MonthFile[] {
  return [
    // The series' bands once per entry (model/indicators-file.ts): 9.3 → 6.7 MB at 312 areas.
    { path: "indicators.json", content: utf8(stringifyJsonCompactLeaves(compactBands(ind))) },
    { path: "indicators.csv", content: renderIndicatorsCsv(ind) },
    { path: "run.json", content: Buffer.from(stringifyJson(runJson), "utf8") },
  ];
}
