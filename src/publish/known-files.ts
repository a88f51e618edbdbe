/**
 * The files lagesbild itself writes into an output folder (spec/outputs.md "Layout"). Only these are
 * ever adopted into `manifest.json` when it is rebuilt, and only these are copied by `publish`
 * (issue 14.1): a raw export, a copied quarantine CSV or any other stray file dropped into the folder
 * is reported and left out, so nothing lagesbild did not write can reach the web root.
 */
const SHARED = new Set(["index.html", "feed.xml", "tillganglighet.html", "assets/style.css", "serie.csv"]);
const MONTH_FILES = new Set(["index.html", "indicators.json", "indicators.csv", "run.json", "revisions.json"]);
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])\/(.+)$/;
/** Chart names are built from slugs (chart-data.ts, survey-chart.ts). */
const CHART = /^charts\/[a-z0-9][a-z0-9_.-]{0,150}\.png$/;
/** An area's page and its chart beside it (render/area-pages.ts; area ids are slugs, okant included). */
const AREA_PAGE = /^omrade\/[a-z0-9][a-z0-9-]{0,63}\.html$/;
const AREA_CHART = /^omrade\/charts\/[a-z0-9][a-z0-9_.-]{0,150}\.png$/;

/** True for a path (relative to the output folder, `/`-separated) of a file lagesbild writes. */
export function isLagesbildFile(rel: string): boolean {
  if (SHARED.has(rel)) return true;
  const m = MONTH.exec(rel);
  if (m === null) return false;
  const inMonth = m[3]!;
  return MONTH_FILES.has(inMonth) || ((CHART.test(inMonth) || AREA_PAGE.test(inMonth) || AREA_CHART.test(inMonth)) && !inMonth.includes(".."));
}

const GROUP_SHARED = new Set(["index.html", "feed.xml", "tillganglighet.html", "assets/style.css"]);
const COMPARISON = /^jamforelse\/(\d{4})-(0[1-9]|1[0-2])\/(index\.html|per-100k\.html|jamforelse\.csv)$/;

/**
 * True for a path of a group run's output folder (src/app/write-group-files.ts): the group's own
 * files, and each kommun's files and manifest inside its folder.
 */
export function isGroupFile(rel: string, kommuner: ReadonlyArray<string>): boolean {
  if (GROUP_SHARED.has(rel) || COMPARISON.test(rel)) return true;
  const slash = rel.indexOf("/");
  if (slash < 0 || !kommuner.includes(rel.slice(0, slash))) return false;
  const inner = rel.slice(slash + 1);
  return inner === "manifest.json" || isLagesbildFile(inner);
}

/** The Swedish warning for a file lagesbild did not write. */
export function unknownFileWarning(rel: string): string {
  return `${rel} är inte en fil som lagesbild skriver – den tas inte med i manifest.json och publiceras inte. Flytta den ur utdatamappen.`;
}
