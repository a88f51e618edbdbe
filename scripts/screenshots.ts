/**
 * `npm run screenshots -- <reports dir> [out dir]`: full-page PNGs of a month page (and its first area
 * page, when the areas have pages), the archive and the accessibility statement at 390×844 (a phone) and 1280×900 (a laptop), plus each page's first screen
 * (`-first.png`), in Debian's chromium through playwright-core, for looking at the report as a reader
 * would after every change to it.
 */
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const reports = path.resolve(process.argv[2] ?? "reports");
const out = path.resolve(process.argv[3] ?? "screenshots");
mkdirSync(out, { recursive: true });
const month = readdirSync(reports).filter((d) => /^\d{4}-\d{2}$/.test(d)).sort().at(-1);
// With area pages (issue 20), the month's first area page too.
const areaDir = month ? path.join(reports, month, "omrade") : undefined;
const area = areaDir && existsSync(areaDir) ? readdirSync(areaDir).filter((f) => f.endsWith(".html")).sort()[0] : undefined;
// A group's output (a config with kommuner:) has a comparison per month under jamforelse/.
const comparisonDir = path.join(reports, "jamforelse");
const compared = existsSync(comparisonDir) ? readdirSync(comparisonDir).filter((d) => /^\d{4}-\d{2}$/.test(d)).sort().at(-1) : undefined;
const pages = [
  ...(month ? [[`month-${month}`, path.join(reports, month, "index.html")]] : []),
  ...(month && areaDir && area ? [[`area-${month}-${area.replace(/\.html$/, "")}`, path.join(areaDir, area)]] : []),
  ...(compared ? [[`jamforelse-${compared}`, path.join(comparisonDir, compared, "index.html")], [`jamforelse-${compared}-per-100k`, path.join(comparisonDir, compared, "per-100k.html")]] : []),
  ["archive", path.join(reports, "index.html")],
  ["statement", path.join(reports, "tillganglighet.html")],
] as const;

const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
for (const [width, height] of [[390, 844], [1280, 900]] as const) {
  const page = await browser.newPage({ viewport: { width, height } });
  for (const [name, file] of pages) {
    await page.goto(pathToFileURL(file).href);
    const target = path.join(out, `${name}-${width}.png`);
    await page.screenshot({ path: target, fullPage: true });
    // The first screen alone: what a reader sees before scrolling.
    await page.screenshot({ path: target.replace(/\.png$/, "-first.png") });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    console.log(`${target}${overflow > 0 ? `  (vågrät rullning: ${overflow} px)` : ""}`);
  }
  await page.close();
}
await browser.close();
