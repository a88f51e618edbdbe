/**
 * The files shared by all months: the stylesheet, the archive page, the feed and the accessibility
 * statement. Each is replaced by a rename, followed by `manifest.json` (see manifest-state.ts).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Indicators } from "../aggregate/indicators-schema.ts";
import type { Config } from "../config/load-config.ts";
import { isYearMonth } from "../core/month.ts";
import { renderAccessibilityHtml } from "../render/accessibility-page.ts";
import { type ArchiveEntry, archiveEntry } from "../render/archive-entry.ts";
import { renderArchiveHtml } from "../render/archive-page.ts";
import { renderFeedXml } from "../render/feed-xml.ts";
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
 * The shared files' contents: stylesheet, archive, feed and accessibility statement, from the month
 * folders now on disk. ManifestState.commitShared replaces those that changed, then the manifest.
 * `entryOf` gives a month's archive line (archive-entry-cache.ts remembers them between runs).
 */
export function renderSharedFiles(config: Config, outDir: string, entryOf: (month: string) => ArchiveEntry = (m) => readEntry(outDir, m)): OutputFile[] {
  const entries = publishedMonths(outDir).map(entryOf);
  return [
    { path: "assets/style.css", content: readFileSync(STYLESHEET) },
    { path: "index.html", content: renderArchiveHtml(entries, config) },
    { path: "feed.xml", content: renderFeedXml(entries, config) },
    { path: "tillganglighet.html", content: renderAccessibilityHtml(config) },
  ];
}
