/**
 * A group's archive page (`<out>/index.html`) and feed (`<out>/feed.xml`): links to each kommun's own
 * archive and to every month's comparison, newest first; one Atom entry per comparison month.
 */
import type { Config } from "../config/load-config.ts";
import type { GroupSettings } from "../config/load-group-config.ts";
import { COMPARISON as C } from "./comparison-wording.ts";
import { capitalise, formatMonth } from "./format-sv.ts";
import { html, xmlText } from "./html.ts";
import { pageDocument } from "./layout.ts";
import { siteUrl } from "./site-url.ts";

export interface GroupMember {
  id: string;
  name: string;
  code: string;
}

const collator = new Intl.Collator("sv", { sensitivity: "base" });

export function renderGroupArchiveHtml(group: GroupSettings, kommuner: ReadonlyArray<GroupMember>, months: ReadonlyArray<string>, shell: Config): string {
  const sorted = [...kommuner].sort((a, b) => collator.compare(a.name, b.name) || (a.code < b.code ? -1 : 1));
  const main = html`<p>${C.archiveIntro}</p>
<h2 id="jamforelser">${C.monthsHeading}</h2>
${months.length === 0 ? html`<p>${C.monthsEmpty}</p>` : html`<ul class="month-list">
${months.map((m) => html`<li><a href="${`jamforelse/${m}/index.html`}">${capitalise(formatMonth(m))}</a></li>
`)}</ul>`}
<h2 id="kommuner">${C.kommunerHeading}</h2>
<ul class="kommun-list">
${sorted.map((k) => html`<li><a href="${`${k.id}/index.html`}">${k.name}</a></li>
`)}</ul>
<p><a href="feed.xml">${C.feed}</a></p>`;
  return pageDocument({
    title: group.title,
    root: "",
    path: "index.html",
    header: html`<header class="site-header"><h1>${group.title}</h1></header>`,
    main,
    config: shell,
  });
}

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
const x = (s: string) => xmlText(s).replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);

/** The group's tag: its name as a slug ("lokalpolisomrade-halsingland"), stable across hosts. */
export function groupSlug(name: string): string {
  return name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "grupp";
}

export function renderGroupFeedXml(group: GroupSettings, entries: ReadonlyArray<{ month: string; updated: string; kommuner: number }>, shell: Config): string {
  const base = group.baseUrl;
  const href = (rel: string) => (base ? siteUrl(base, rel) : rel);
  const slug = groupSlug(group.name);
  const updated = entries.reduce((max, e) => (e.updated > max ? e.updated : max), entries[0]?.updated ?? "1970-01-01T00:00:00Z");
  const lines = [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="sv">`,
    `  <id>tag:lagesbild,2026:jamforelse/${x(slug)}</id>`,
    `  <title>${x(group.title)}</title>`,
    `  <updated>${x(updated)}</updated>`,
    `  <author><name>${x(group.publisher ?? shell.output.publisher ?? group.name)}</name></author>`,
    `  <link rel="alternate" type="text/html" href="${x(href("index.html"))}"/>`,
    ...(base ? [`  <link rel="self" type="application/atom+xml" href="${x(href("feed.xml"))}"/>`] : []),
  ];
  for (const e of entries) {
    lines.push(
      `  <entry>`,
      `    <id>${x(`tag:lagesbild,${e.month.slice(0, 4)}:jamforelse/${slug}/${e.month}`)}</id>`,
      `    <title>${x(C.feedEntry(group.name, formatMonth(e.month)))}</title>`,
      `    <updated>${x(e.updated)}</updated>`,
      `    <link rel="alternate" type="text/html" href="${x(href(`jamforelse/${e.month}/index.html`))}"/>`,
      `    <summary type="text">${x(C.feedSummary(e.kommuner, formatMonth(e.month)))}</summary>`,
      `  </entry>`,
    );
  }
  lines.push(`</feed>`);
  return `${lines.join("\n")}\n`;
}
