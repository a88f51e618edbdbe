/**
 * The files shared by all months: the stylesheet, the archive page and, last, `manifest.json`, which
 * lists every published file with its hash. Each is replaced by a rename, so a crash leaves the old
 * version or the new one; the manifest is written last so it only ever names files that exist.
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
import { stringifyJson } from "../render/write-json.ts";
import { hashFiles, listPublishedFiles, MANIFEST_FILE, type Manifest, type MonthRecord } from "./manifest.ts";
import { writeFileAtomic } from "./write-atomic.ts";

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

export function writeSharedFiles(input: {
  config: Config;
  outDir: string;
  generatedAt: string;
  onlyData: boolean;
  manifest: Manifest | null;
  updated: ReadonlyMap<string, MonthRecord>;
}): void {
  const { config, outDir } = input;
  if (!input.onlyData) {
    writeFileAtomic(path.join(outDir, "assets", "style.css"), readFileSync(STYLESHEET));
    const entries = publishedMonths(outDir).map((m) => readEntry(outDir, m));
    writeFileAtomic(path.join(outDir, "index.html"), renderArchiveHtml(entries, config));
    writeFileAtomic(path.join(outDir, "feed.xml"), renderFeedXml(entries, config));
    writeFileAtomic(path.join(outDir, "tillganglighet.html"), renderAccessibilityHtml(config));
  }
  const months: Manifest["months"] = {};
  const known = new Set(publishedMonths(outDir));
  const all = new Set([...Object.keys(input.manifest?.months ?? {}), ...input.updated.keys()]);
  for (const m of [...all].sort()) {
    const record = input.updated.get(m) ?? input.manifest?.months[m];
    if (record && known.has(m)) months[m] = record;
  }
  const manifest: Manifest = {
    schema: "lagesbild.manifest/v1",
    generated_at: input.generatedAt,
    files: hashFiles(outDir, listPublishedFiles(outDir)),
    months,
  };
  writeFileAtomic(path.join(outDir, MANIFEST_FILE), stringifyJson(manifest));
}
