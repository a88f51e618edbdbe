/**
 * The month page's weight on a phone (issue 16 item 10, budget ≤ 500 KB): what a browser at 390×844 (DPR 2)
 * actually fetches for `<month>/index.html` — the HTML, the stylesheet and every image it loads — in
 * Debian's chromium through playwright-core, after scrolling to the bottom so lazily loaded images count
 * too. Measured from the browser, not by reading the HTML, so `srcset`/`<picture>` phone variants count
 * as the phone would choose them. Sizes are the files' bytes on disk (as served uncompressed).
 *
 *   node --import tsx scripts/bench/page-weight.ts <reports dir> [YYYY-MM]   # stand-alone
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

export interface PageWeight {
  month: string;
  html: number;
  css: number;
  images: { count: number; bytes: number };
  other: number;
  total: number;
}

const CHROMIUM = "/usr/bin/chromium";
/**
 * Device pixels per CSS px. It decides which `srcset` candidate a browser picks, so it is part of the
 * figure: 2 is a common phone (Lighthouse's mobile profile uses 1.75; recent iPhones 3).
 */
const DPR = 2;

export async function monthPageWeight(reports: string, month?: string): Promise<PageWeight | null> {
  if (!existsSync(CHROMIUM)) return null;
  const latest = month ?? readdirSync(reports).filter((d) => /^\d{4}-\d{2}$/.test(d)).sort().at(-1);
  if (latest === undefined) return null;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--headless", "--disable-gpu"] });
  try {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: DPR, isMobile: true, hasTouch: true });
    // Every file the page fetched (the document, the stylesheet, the images), as the browser asked for them.
    const requested = new Set<string>();
    page.on("requestfinished", (r) => requested.add(r.url()));
    await page.goto(pathToFileURL(path.join(reports, latest, "index.html")).href, { waitUntil: "load" });
    // Walk down the page so every lazily loaded image is requested, then wait for the network to settle.
    await page.evaluate(async () => {
      for (let y = 0; y < document.documentElement.scrollHeight; y += 600) {
        window.scrollTo(0, y);
        await new Promise((r) => setTimeout(r, 20));
      }
    });
    await page.waitForLoadState("networkidle");
    const files = [...new Set([...requested].filter((u) => u.startsWith("file:")).map((u) => fileURLToPath(u.split("#")[0]!)))];
    const w: PageWeight = { month: latest, html: 0, css: 0, images: { count: 0, bytes: 0 }, other: 0, total: 0 };
    for (const f of files) {
      const size = existsSync(f) ? statSync(f).size : 0;
      if (f.endsWith(".html")) w.html += size;
      else if (f.endsWith(".css")) w.css += size;
      else if (/\.(png|svg|jpe?g|webp|avif|gif)$/i.test(f)) {
        w.images.count += 1;
        w.images.bytes += size;
      } else w.other += size;
      w.total += size;
    }
    return w;
  } finally {
    await browser.close();
  }
}

const kb = (bytes: number) => `${Math.round(bytes / 1000).toLocaleString("sv-SE")} KB`;

/** One line a person reads: the total first, then what it is made of. */
export function describePageWeight(w: PageWeight): string {
  return (
    `month page ${w.month} on a phone (390 CSS px, ${DPR}× pixels): ${kb(w.total)} (budget 500 KB) = HTML ${kb(w.html)} + stylesheet ${kb(w.css)} + ` +
    `${w.images.count} images ${kb(w.images.bytes)}${w.other > 0 ? ` + other ${kb(w.other)}` : ""}`
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const w = await monthPageWeight(path.resolve(process.argv[2] ?? "reports"), process.argv[3]);
  console.log(w === null ? `page weight: ${CHROMIUM} or a month folder is missing – not measured` : describePageWeight(w));
}
