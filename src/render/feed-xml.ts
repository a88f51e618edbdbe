/**
 * `feed.xml`: an Atom 1.0 feed (RFC 4287), one entry per published month; a revised month keeps its
 * entry id and gets a new `updated` (spec/outputs.md). Built from the published (suppressed) headline
 * figures only. Links are relative to the feed unless `output.base_url` is set, so the folder also
 * works opened from disk.
 */
import type { Config } from "../config/load-config.ts";
import { formatMonth, formatNumber, formatPercentChange } from "./format-sv.ts";
import { siteUrl } from "./site-url.ts";
import { MEASURE, VERDICT } from "./wording.ts";
import { xmlText } from "./html.ts";
import type { ArchiveEntry } from "./archive-entry.ts";

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
const x = (s: string) => xmlText(s).replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);

/** `tag:lagesbild,2024:2182/2024-03` – stable across revisions and hosts. */
export function entryId(kommunCode: string, month: string): string {
  return `tag:lagesbild,${month.slice(0, 4)}:${kommunCode}/${month}`;
}

/**
 * The entry's summary: one sentence per measure ("Polisanmälda brott: 120 i hela kommunen, +5,0 % …"),
 * never a sum of different measures.
 */
export function headline(e: ArchiveEntry): string {
  const sentences = e.headlines.map((h) => {
    const parts: string[] = [];
    if (h.total !== null) parts.push(`${formatNumber(h.total)} i hela kommunen`);
    if (h.change_pct !== null) parts.push(`${formatPercentChange(h.change_pct)} jämfört med samma månad i fjol`);
    if (h.verdict !== null) parts.push(VERDICT[h.verdict].words);
    const what = h.measure === null ? "Händelser" : MEASURE[h.measure].title;
    return `${what}: ${parts.length > 0 ? parts.join(", ") : "uppgift saknas"}.`;
  });
  return sentences.length > 0 ? sentences.join(" ") : "Uppgift saknas.";
}

export function renderFeedXml(entries: ReadonlyArray<ArchiveEntry>, config: Config): string {
  const base = config.output.base_url;
  const href = (rel: string) => (base ? siteUrl(base, rel) : rel);
  const title = config.output.title ?? `Lägesbild för ${config.kommun.name}`;
  const updated = entries.reduce((max, e) => (e.updated > max ? e.updated : max), entries[0]?.updated ?? "1970-01-01T00:00:00Z");
  const author = config.output.publisher ?? config.kommun.name;
  const lines = [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="sv">`,
    `  <id>tag:lagesbild,2023:${x(config.kommun.code)}</id>`,
    `  <title>${x(title)}</title>`,
    `  <updated>${x(updated)}</updated>`,
    `  <author><name>${x(author)}</name></author>`,
    `  <link rel="alternate" type="text/html" href="${x(href("index.html"))}"/>`,
    ...(base ? [`  <link rel="self" type="application/atom+xml" href="${x(href("feed.xml"))}"/>`] : []),
  ];
  for (const e of entries) {
    lines.push(
      `  <entry>`,
      `    <id>${x(entryId(config.kommun.code, e.month))}</id>`,
      `    <title>${x(`Lägesbild ${formatMonth(e.month)}`)}${e.revision > 1 ? x(` (reviderad)`) : ""}</title>`,
      `    <updated>${x(e.updated)}</updated>`,
      `    <link rel="alternate" type="text/html" href="${x(href(`${e.month}/index.html`))}"/>`,
      `    <summary type="text">${x(headline(e))}</summary>`,
      `  </entry>`,
    );
  }
  lines.push(`</feed>`);
  return `${lines.join("\n")}\n`;
}
