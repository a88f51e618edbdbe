/**
 * The police export's deliberate defects, so the run summary and `validate` have something real to show.
 *
 * Why only one `bad_date` row: spec/inputs.md counts rejected rows with no usable date in EVERY month's
 * rejected share of the source (they could belong to any month). With ~200 accepted police rows a month
 * and max_rejected_share 0.01, two undated rows would already fail the quietest months. The second bad
 * date is therefore a year typo (2025 typed as 2052), which is rejected as `future_date` and dated in a
 * month no report covers. The unknown label sits in a busy summer month for the same reason; the
 * generator checks the worst month's share under this strict reading (generate.ts).
 */
import { UNKNOWN_POLICE_LABEL } from "./model.ts";

export interface DefectRow {
  /** The month whose rows it is written among. */
  month: string;
  local: string;
  label: string;
  areaText: string;
  place: string;
  /** What the pipeline must make of it. */
  expect: "bad_date" | "future_date" | "unknown_category";
}

export const DEFECT_ROWS: ReadonlyArray<DefectRow> = [
  // 31 June does not exist: the date looks right but no usable month can be taken from it.
  { month: "2023-06", local: "2023-06-31 22:15", label: "Misshandel", areaText: "Centrum", place: "Storgatan 3", expect: "bad_date" },
  { month: "2024-08", local: "2024-08-17 23:10", label: UNKNOWN_POLICE_LABEL, areaText: "Centrum", place: "Stora torget", expect: "unknown_category" },
  { month: "2025-03", local: "2052-03-14 19:40", label: "Stöld", areaText: "Centrum", place: "Torggatan 5", expect: "future_date" },
];

/** An Excel row whose cells are all empty: counted as read, ignored as `blank`. Written after this month. */
export const BLANK_ROW_AFTER_MONTH = "2024-02";
/** The year whose file ends with Excel's "Summa" row: ignored as `total_row`. */
export const TOTAL_ROW_YEAR = 2025;
/** The year whose file starts with the previous file's last row again (overlapping export → `duplicate`). */
export const OVERLAP_YEAR = 2024;
