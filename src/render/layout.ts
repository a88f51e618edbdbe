/**
 * The document shell shared by the report and the archive: Swedish language, charset, viewport, one
 * local stylesheet, a skip link to the main content (WCAG 2.4.1) and a footer with the publisher,
 * contact and the accessibility statement (required on Swedish public-sector sites, DOS-lagen).
 */
import type { Config } from "../config/load-config.ts";
import { html, raw, type SafeHtml } from "./html.ts";
import { siteUrl } from "./site-url.ts";
import { T } from "./wording.ts";

export interface PageParts {
  title: string;
  /** Relative path from the page to the reports folder root, "" or "../". */
  root: string;
  /** The page's own path from the reports folder root ("2024-03/index.html"), for its canonical link. */
  path: string;
  header: SafeHtml;
  main: SafeHtml;
  config: Config;
}

export function footer(config: Config, root: string): SafeHtml {
  const out = config.output;
  const contact = out.contact;
  return html`<footer class="site-footer">
${out.publisher ? html`<p>${T.publishedBy(out.publisher)}</p>` : null}
${contact?.email || contact?.phone
  ? html`<p>${T.contact}: ${contact.email ? html`<a href="${`mailto:${contact.email}`}">${contact.email}</a>` : null}${contact.email && contact.phone ? ", " : null}${contact.phone ? html`<a href="${`tel:${contact.phone.replace(/[^\d+]/g, "")}`}">${contact.phone}</a>` : null}</p>`
  : null}
<p><a href="${`${root}tillganglighet.html`}">${T.linkAccessibility}</a></p>
</footer>`;
}

/**
 * The head's links to the page itself and to the feed: `rel="canonical"` (the page's absolute address,
 * only when `output.base_url` says where the site lives: a relative canonical would name the copy it
 * is read from) and feed discovery, so a browser or feed reader finds `feed.xml` from any page (absolute
 * under a base_url, else relative, so the folder also works opened from disk).
 */
function headLinks(p: PageParts): SafeHtml {
  const base = p.config.output.base_url;
  const title = p.config.output.title ?? T.defaultTitle(p.config.kommun.name);
  return html`${base ? html`<link rel="canonical" href="${siteUrl(base, p.path)}">
` : null}<link rel="alternate" type="application/atom+xml" title="${`${title} (Atom-flöde)`}" href="${base ? siteUrl(base, "feed.xml") : `${p.root}feed.xml`}">`;
}

export function pageDocument(p: PageParts): string {
  return html`${raw("<!DOCTYPE html>")}
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${p.title}</title>
<link rel="stylesheet" href="${`${p.root}assets/style.css`}">
${headLinks(p)}
</head>
<body>
<a class="skip-link" href="#main">${T.skipLink}</a>
${p.header}
<main id="main" tabindex="-1">
${p.main}
</main>
${footer(p.config, p.root)}
</body>
</html>
`.value;
}
