/**
 * What aggregation says about a month besides its figures, as data: the report's notes (a source that
 * does not cover the month, a gap between polls, a source without areas, a population taken from
 * another year) and the checks that fail a month (not covered, too many rejected rows). Aggregation
 * returns these with the ids and numbers a sentence needs; the words are written where the reader
 * meets them (render/coverage-text.ts for the report and the shared phrases, app/month-check-text.ts
 * for the messages of a failed month), so the pure core writes no Swedish.
 */

export interface Coverage {
  /** First and last covered month; null when the source covers no month. */
  from: string | null;
  to: string | null;
  /** Months between `from` and `to` that are not covered (a missing file), oldest first. */
  gaps: string[];
  /** First and last local date (`YYYY-MM-DD`) with a usable row; null when the source has none. */
  first: string | null;
  last: string | null;
  /** The config's `covers` bounds, which win over the data. */
  declared: { from?: string | undefined; to?: string | undefined };
  /** The last month that has ended at generated_at. */
  lastEnded: string;
  /** For an archive built by `lagesbild hamta polisen`: the months its polls saw whole. */
  polled?: { from: string; to: string } | undefined;
}

/** Why a source does not cover a month (aggregate/coverage.ts decides; the message says it). */
export type NotCoveredReason =
  /** A polled archive whose polls have not seen the month whole. */
  | { kind: "polled"; from: string; to: string }
  | { kind: "not_ended" }
  | { kind: "before_declared"; from: string }
  | { kind: "after_declared"; to: string }
  | { kind: "no_rows" }
  | { kind: "starts_later"; first: string }
  | { kind: "ends_earlier"; last: string; needed: string }
  /** Rows before and after the month, none in it (a missing file). */
  | { kind: "gap" };

export interface NotCovered {
  sourceId: string;
  /** The source's place in the config (`sources[1]`), for the advice; null when not known. */
  keyPath: string | null;
  month: string;
  coverage: Coverage;
  reason: NotCoveredReason;
}

/** One note for the report's "Att tänka på den här månaden". Category and area values are ids. */
export type MonthNote =
  /** A `required: false` source that does not cover the month: its categories and their total are null. */
  | { kind: "source_not_covered"; sourceId: string; month: string; coverage: Coverage; categories: string[]; total: string }
  /** A gap between the polls of a polled archive (instants in ms) that overlaps the month. */
  | { kind: "poll_gap"; sourceId: string; from: number; to: number }
  /** A source without areas: its categories and their total are shown for the whole kommun only. */
  | { kind: "no_areas"; sourceId: string; categories: string[]; total: string }
  /** The population of `year` is missing; `used`'s is used, for the kommun and/or the listed areas. */
  | { kind: "population_fallback"; year: number; used: number; kommun: boolean; areas: string[] };

/** One failed check of a month (aggregate/month-verdict.ts), in check order. */
export type MonthCheck =
  | { kind: "month_not_ended"; month: string; generatedAt: string }
  | ({ kind: "not_covered" } & NotCovered)
  /** `month` null: the share is of the source's whole files (a source whose rows have no month). */
  | { kind: "rejected_share"; sourceId: string; rejected: number; base: number; share: number; limit: number; month: string | null };
