/**
 * The files shared by all months: the stylesheet, the archive page, the feed, the accessibility
 * statement and serie.csv. Each is replaced by a rename, followed by `manifest.json` (see
 * manifest-state.ts), so serie.csv is rebuilt and listed whenever a month is written.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Config } from "../config/load-config.ts";
import { isYearMonth } from "../core/month.ts";
import { renderAccessibilityHtml } from "../render/accessibility-page.ts";
import { type ArchiveEntry, archiveEntry } from "../render/archive-entry.ts";
import { renderArchiveHtml } from "../render/archive-page.ts";
import { renderFeedXml } from "../render/feed-xml.ts";
import { renderSerieCsv, SERIE_FILE, type SerieMonth } from "../render/serie-csv.ts";
import { readSerieMonth, type SerieMonthOrProblem } from "./serie-rows-cache.ts";
import type { OutputFile } from "../publish/manifest-state.ts";
import { indicatorsPath, archiveSource } from "../publish/read-indicators.ts";

const STYLESHEET = new URL("../render/assets/style.css", import.meta.url);

/** Month folders present in the output, newest first. */
export function publishedMonths(outDir: string): string[] {
  if (!existsSync(outDir)) return [];
  return readdirSync(outDir)
    .filter((m) => isYearMonth(m) && existsSync(path.join(outDir, m, "indicators.json")))
    .sort()
    .reverse();
}

function readEntry(outDir: string, month: string): ArchiveEntry {
  return archiveEntry(archiveSource(indicatorsPath(outDir, month), month));
}

/**
 * The shared files' contents: stylesheet, archive, feed, accessibility statement and the archive's
 * time series `serie.csv`, from the month folders now on disk. ManifestState.commitShared replaces
 * those that changed, then the manifest. `entryOf` gives a month's archive line
 * (archive-entry-cache.ts remembers them between runs), `serieOf` a month's serie.csv rows
 * (serie-rows-cache.ts likewise); `warn` receives months left out of serie.csv.
 */
export function renderSharedFiles(
  config: Config,
  outDir: string,
  entryOf: (month: string) => ArchiveEntry = (m) => readEntry(outDir, m),
  serieOf: (month: string) => SerieMonthOrProblem = (m) => readSerieMonth(outDir, m),
  warn: (message: string) => void = () => {},
): OutputFile[] {
  const months = publishedMonths(outDir);
  const entries = months.map(entryOf);
  const series: SerieMonth[] = [];
  for (const m of months) {
    const read = serieOf(m);
    if ("problem" in read) warn(read.problem);
    else series.push(read);
  }
  return [
    { path: "assets/style.css", content: readFileSync(STYLESHEET) },
    { path: "index.html", content: renderArchiveHtml(entries, config) },
    { path: "feed.xml", content: renderFeedXml(entries, config) },
    { path: "tillganglighet.html", content: renderAccessibilityHtml(config) },
    { path: SERIE_FILE, content: renderSerieCsv(series, config.suppression.min_count) },
  ];
}
