/**
 * What every report section receives, and the shape of a section. A section is a function from the
 * view to its markup (or null to leave itself out), so adding one is adding a file and a line to the
 * ordered list in `report-page.ts`.
 */
import type { AreaEntry, Indicators } from "../model/indicators.ts";
import type { Config } from "../config/load-config.ts";
import type { RevisionNote } from "../model/revisions.ts";
import type { ChartImage } from "./charts.ts";
import type { SafeHtml } from "./html.ts";

export interface ReportContext {
  config: Config;
  charts: ChartImage[];
  /** Coverage notes (e.g. a source with `required: false` that does not cover the month), in Swedish. */
  notes: string[];
  /** The month's revision notes (`revisions.json`), oldest first; absent or empty for a first edition. */
  revisions?: ReadonlyArray<RevisionNote>;
  /** The analysts' Markdown commentary for the month (`output.commentary`), unscrubbed; absent when none. */
  commentary?: string | null;
}

export interface ReportView extends ReportContext {
  ind: Indicators;
  /** The `kommun` entry of `ind.areas` (hela kommunen), if present. */
  kommun: AreaEntry | undefined;
  /**
   * Whether each area has a page of its own (area-pages.ts): then the month page shows the kommun's
   * figures and one row per area, and the areas' tables, charts, field and survey figures are on their pages.
   */
  areaPages?: boolean;
}

export interface Section {
  /** The section's id: its anchor in the page and in the table of contents. */
  id: string;
  title: string;
  /** The section's content below its h2; null leaves the whole section out. */
  render: (view: ReportView) => SafeHtml | null;
  /**
   * A key message: shown before the navigation and open-data links, so a reader's first screen is the
   * month's message and not the page's machinery (issue 16: "key messages first").
   */
  lead?: true;
}
