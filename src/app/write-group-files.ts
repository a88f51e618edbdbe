/**
 * A group run's own files at the top of its output folder (issue 18, item 3), beside one folder per
 * kommun (each a complete one-kommun output folder with its own archive, feed, manifest and lock):
 *
 *   <out>/index.html                          the group's archive: each kommun's reports, each month's comparison
 *   <out>/feed.xml                            one Atom entry per comparison month
 *   <out>/tillganglighet.html, assets/style.css
 *   <out>/jamforelse/<YYYY-MM>/index.html     the comparison, by län and kommun
 *   <out>/jamforelse/<YYYY-MM>/per-100k.html  the same, highest rate first
 *   <out>/jamforelse/<YYYY-MM>/jamforelse.csv its figures (also with --only data)
 *   <out>/manifest.json                       every file of the group and of every kommun (`kommuner` names
 *                                             the folders), so `publish` copies the whole tree at once
 *
 * Comparison pages are built from the kommuner's published indicators.json, after every kommun's run:
 * what a kommun did not publish (a failed month) shows as "ingen rapport". Each file is replaced by a
 * rename and only when its content changed; the manifest last.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Config } from "../config/load-config.ts";
import type { GroupKommun, GroupSettings } from "../config/load-group-config.ts";
import { isYearMonth } from "../core/month.ts";
import { renderAccessibilityHtml } from "../render/accessibility-page.ts";
import { COMPARISON_CSV, COMPARISON_PAGES, renderComparisonCsv, renderComparisonHtml } from "../render/comparison-page.ts";
import { comparisonCategories, comparisonRow } from "../render/comparison-rows.ts";
import { renderGroupArchiveHtml, renderGroupFeedXml } from "../render/group-archive.ts";
import { stringifyJson } from "../core/write-json.ts";
import { hashFiles, type Manifest, MANIFEST_FILE, readManifest } from "../publish/manifest.ts";
import { sha256Hex } from "../core/sha256-hex.ts";
import { stageFile } from "../core/write-file-atomic.ts";
import { assertNoSymlinkOnPath } from "../publish/write-atomic.ts";
import { indicatorsPath, readIndicatorsIfPublished } from "../publish/read-indicators.ts";
import { present } from "../core/checked.ts";

const STYLESHEET = new URL("../render/assets/style.css", import.meta.url);
export const COMPARISON_DIR = "jamforelse";

export interface GroupFilesInput {
  group: GroupSettings;
  kommuner: ReadonlyArray<GroupKommun>;
  outDir: string;
  /** Months whose comparison this run (re)builds. */
  months: ReadonlyArray<string>;
  onlyData: boolean;
  generatedAt: string;
}

/** A config for the page shell of the group's pages: the group's title, publisher and address. */
export function groupShell(group: GroupSettings, first: Config): Config {
  return {
    ...first,
    kommun: { name: group.name, code: first.kommun.code },
    output: { ...first.output, title: group.title, publisher: group.publisher, base_url: group.baseUrl, commentary: undefined },
  };
}

/** Writes the group's files; returns the months that have a comparison now. */
export function writeGroupFiles(input: GroupFilesInput): string[] {
  const { outDir, group, kommuner } = input;
  // A group config has at least one kommun (config/load-group-config.ts).
  const first = present(kommuner[0], "the group's first kommun");
  const shell = groupShell(group, first.config);
  const files: Array<{ path: string; content: string | Buffer }> = [];
  const updated = new Map<string, string>();
  for (const month of input.months) {
    // Missing: the kommun did not publish the month ("ingen rapport"); there but unreadable: thrown (exit 1, the file named).
    const indicators = kommuner.map((k) => readIndicatorsIfPublished(indicatorsPath(path.join(outDir, k.id), month), month));
    if (indicators.every((i) => i === null)) continue;
    const rows = kommuner.map((k, i) => comparisonRow({ id: k.id, name: k.config.kommun.name, code: k.config.kommun.code }, indicators[i] ?? null, existsSync(path.join(outDir, k.id, month, "index.html"))));
    const data = { month, groupName: group.name, rows, categories: comparisonCategories(indicators) };
    const dir = `${COMPARISON_DIR}/${month}`;
    files.push({ path: `${dir}/${COMPARISON_CSV}`, content: renderComparisonCsv(data) });
    if (!input.onlyData) {
      for (const order of ["lan", "rate"] as const) {
        files.push({ path: `${dir}/${COMPARISON_PAGES[order]}`, content: renderComparisonHtml({ ...data, title: group.title, shell }, order) });
      }
    }
    updated.set(month, indicators.reduce((max, i) => (i !== null && i.generated_at > max ? i.generated_at : max), ""));
  }
  const months = comparisonMonths(outDir, files.map((f) => f.path), input.onlyData ? COMPARISON_CSV : COMPARISON_PAGES.lan);
  if (!input.onlyData) {
    // A month compared in an earlier run keeps the `updated` of its kommuner's latest revision.
    for (const m of months) if (!updated.has(m)) updated.set(m, latestGeneratedAt(outDir, kommuner, m));
    const entries = months.map((m) => ({ month: m, updated: updated.get(m) ?? input.generatedAt, kommuner: kommuner.length }));
    files.push(
      { path: "assets/style.css", content: readFileSync(STYLESHEET) },
      { path: "index.html", content: renderGroupArchiveHtml(group, kommuner.map((k) => ({ id: k.id, name: k.config.kommun.name, code: k.config.kommun.code })), months, shell) },
      { path: "feed.xml", content: renderGroupFeedXml(group, entries, shell) },
      // The statement's link to serie.csv names the first kommun's (the group has no series of its own).
      { path: "tillganglighet.html", content: renderAccessibilityHtml(shell).replace('href="serie.csv"', `href="${first.id}/serie.csv"`) },
    );
  }
  commitFiles(outDir, files, kommuner, input.generatedAt);
  return months;
}

/** Months with a comparison folder on disk or written now, newest first. */
function comparisonMonths(outDir: string, written: ReadonlyArray<string>, file: string): string[] {
  const dir = path.join(outDir, COMPARISON_DIR);
  const onDisk = existsSync(dir) ? readdirSync(dir).filter((m) => isYearMonth(m) && existsSync(path.join(dir, m, file))) : [];
  // `jamforelse/<month>/<file>`: the month is the middle part.
  const now = written.filter((p) => p.endsWith(`/${file}`)).flatMap((p) => p.split("/").slice(1, 2));
  return [...new Set([...onDisk, ...now])].sort().reverse();
}

function latestGeneratedAt(outDir: string, kommuner: ReadonlyArray<GroupKommun>, month: string): string {
  let max = "";
  for (const k of kommuner) {
    const at = readManifest(path.join(outDir, k.id))?.months[month]?.generated_at ?? "";
    if (at > max) max = at;
  }
  return max;
}

/**
 * Replaces the changed files by renames, then the manifest: the group's files plus every kommun's
 * manifest entries under its folder (taken from its manifest, not re-hashed) and its manifest itself.
 */
function commitFiles(outDir: string, files: ReadonlyArray<{ path: string; content: string | Buffer }>, kommuner: ReadonlyArray<GroupKommun>, generatedAt: string): void {
  const previous = readManifest(outDir);
  const known = new Map((previous?.files ?? []).map((f) => [f.path, f.sha256]));
  const changed = files.filter((f) => known.get(f.path) !== sha256Hex(f.content) || !existsSync(path.join(outDir, f.path)));
  for (const f of changed) assertNoSymlinkOnPath(outDir, path.join(outDir, f.path));
  const staged = changed.map((f) => stageFile(path.join(outDir, f.path), f.content));
  for (const s of staged) s.commit();
  const own = [...new Set([...files.map((f) => f.path), ...groupFilesOnDisk(outDir)])].filter((p) => existsSync(path.join(outDir, p)));
  const entries: Manifest["files"] = hashFiles(outDir, own);
  for (const k of kommuner) {
    const dir = path.join(outDir, k.id);
    const m = readManifest(dir);
    if (m === null) continue;
    for (const f of m.files) entries.push({ ...f, path: `${k.id}/${f.path}` });
    const bytes = readFileSync(path.join(dir, MANIFEST_FILE));
    entries.push({ path: `${k.id}/${MANIFEST_FILE}`, sha256: sha256Hex(bytes), size: bytes.length });
  }
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const same = previous !== null && JSON.stringify(previous.files) === JSON.stringify(entries);
  const manifest: Manifest & { kommuner: string[] } = {
    schema: "lagesbild.manifest/v1",
    generated_at: same ? previous.generated_at : generatedAt,
    files: entries,
    months: {},
    kommuner: kommuner.map((k) => k.id),
  };
  if (same && existsSync(path.join(outDir, MANIFEST_FILE))) return;
  stageFile(path.join(outDir, MANIFEST_FILE), stringifyJson(manifest)).commit();
}

/** The group's own files already on disk (comparison months of earlier runs). */
function groupFilesOnDisk(outDir: string): string[] {
  const out: string[] = [];
  const dir = path.join(outDir, COMPARISON_DIR);
  if (!existsSync(dir)) return out;
  for (const m of readdirSync(dir).filter(isYearMonth)) {
    for (const f of [COMPARISON_PAGES.lan, COMPARISON_PAGES.rate, COMPARISON_CSV]) if (existsSync(path.join(dir, m, f))) out.push(`${COMPARISON_DIR}/${m}/${f}`);
  }
  for (const f of ["index.html", "feed.xml", "tillganglighet.html", "assets/style.css"]) if (existsSync(path.join(outDir, f))) out.push(f);
  return out;
}
