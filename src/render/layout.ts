/**
 * The document shell shared by the report and the archive: Swedish language, charset, viewport, one
 * local stylesheet, a skip link to the main content (WCAG 2.4.1) and a footer with the publisher,
 * contact and the accessibility statement (required on Swedish public-sector sites, DOS-lagen).
 */
import type { Config } from "../config/load-config.ts";
import { html, raw, type SafeHtml } from "./html.ts";
import { T } from "./wording.ts";

export interface PageParts {
  title: string;
  /** Relative path from the page to the reports folder root, "" or "../". */
  root: string;
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

export function pageDocument(p: PageParts): string {
  return html`${raw("<!DOCTYPE html>")}
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${p.title}</title>
<link rel="stylesheet" href="${`${p.root}assets/style.css`}">
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
