/**
 * The files shared by all months: the stylesheet, the archive page, the feed and the accessibility
 * statement. Each is replaced by a rename, followed by `manifest.json` (see manifest-state.ts).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { type Indicators, IndicatorsSchema } from "../aggregate/indicators-schema.ts";
import type { Config } from "../config/load-config.ts";
import { isYearMonth } from "../core/month.ts";
import { renderAccessibilityHtml } from "../render/accessibility-page.ts";
import { type ArchiveEntry, archiveEntry } from "../render/archive-entry.ts";
import { renderArchiveHtml } from "../render/archive-page.ts";
import { renderFeedXml } from "../render/feed-xml.ts";
import { renderSerieCsv, SERIE_FILE } from "../render/serie-csv.ts";
import type { OutputFile } from "./manifest-state.ts";

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
  return archiveEntry(JSON.parse(readFileSync(path.join(outDir, month, "indicators.json"), "utf8")) as Indicators);
}

/**
 * Every published month's indicators, read back through the schema (what serie.csv is built from). A
 * month whose file does not parse (hand-edited, or written by a version with another schema) is left
 * out of the series with a Swedish problem for the log, never a crash that would stop the archive.
 */
export function readPublishedSeries(outDir: string, months: ReadonlyArray<string>): { months: Indicators[]; problems: string[] } {
  const out: Indicators[] = [];
  const problems: string[] = [];
  for (const month of months) {
    const file = path.join(outDir, month, "indicators.json");
    let parsed: ReturnType<typeof IndicatorsSchema.safeParse> | null = null;
    try {
      parsed = IndicatorsSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
    } catch {
      parsed = null;
    }
    if (parsed?.success) out.push(parsed.data);
    else problems.push(`${SERIE_FILE}: ${month} tas inte med eftersom ${month}/indicators.json inte följer schemat lagesbild.indicators/v1. Bygg om månaden med lagesbild run --month ${month} --force.`);
  }
  return { months: out, problems };
}

/**
 * The shared files' contents: stylesheet, archive, feed, accessibility statement and the archive's
 * time series `serie.csv`, from the month folders now on disk. ManifestState.commitShared replaces
 * those that changed, then the manifest. `entryOf` gives a month's archive line
 * (archive-entry-cache.ts remembers them between runs); `warn` receives months left out of serie.csv.
 */
export function renderSharedFiles(
  config: Config,
  outDir: string,
  entryOf: (month: string) => ArchiveEntry = (m) => readEntry(outDir, m),
  warn: (message: string) => void = () => {},
): OutputFile[] {
  const months = publishedMonths(outDir);
  const entries = months.map(entryOf);
  const series = readPublishedSeries(outDir, months);
  for (const p of series.problems) warn(p);
  return [
    { path: "assets/style.css", content: readFileSync(STYLESHEET) },
    { path: "index.html", content: renderArchiveHtml(entries, config) },
    { path: "feed.xml", content: renderFeedXml(entries, config) },
    { path: "tillganglighet.html", content: renderAccessibilityHtml(config) },
    { path: SERIE_FILE, content: renderSerieCsv(series.months, config.suppression.min_count) },
  ];
}
