/**
 * The analysts' monthly commentary (section 5b, spec/outputs.md): Markdown with headings, paragraphs,
 * lists, links and emphasis only; raw HTML shown as text; scrubbed of personal identifiers first.
 *
 * markdown-it rather than a hand-written parser: it is CommonMark-compliant, widely used and, started
 * from its "zero" preset with only the rules we allow enabled and `html: false`, it cannot emit a tag we
 * did not ask for (images, tables, code blocks and inline HTML stay text).
 */
import MarkdownIt from "markdown-it";
import { scrub } from "../core/scrub.ts";
import { raw, type SafeHtml } from "./html.ts";

/** Links may go to the web, to an e-mail address, or be relative; never javascript:, data:, file: … */
const ALLOWED_LINK = /^(?:https?:|mailto:|[^:]*$|[^:]*[/?#])/i;

/** The analysts' headings sit under the section's h2: `#` becomes h3, `##` h4, and so on to h6. */
const HEADING_SHIFT = 2;

function createRenderer(): MarkdownIt {
  const md = new MarkdownIt("zero", { html: false, linkify: false, typographer: false, breaks: false });
  md.enable(["heading", "lheading", "list", "paragraph", "link", "autolink", "emphasis", "escape", "newline", "entity"]);
  md.validateLink = (url: string) => ALLOWED_LINK.test(url.trim());
  md.renderer.rules.heading_open = (tokens, idx) => {
    const token = tokens[idx];
    const level = Math.min(6, Number((token?.tag ?? "h1").slice(1)) + HEADING_SHIFT);
    return `<h${level}>`;
  };
  md.renderer.rules.heading_close = (tokens, idx) => {
    const token = tokens[idx];
    const level = Math.min(6, Number((token?.tag ?? "h1").slice(1)) + HEADING_SHIFT);
    return `</h${level}>\n`;
  };
  const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    // An analyst's link goes to someone else's site: no window.opener, no referrer leak.
    tokens[idx]?.attrSet("rel", "noopener noreferrer");
    return defaultLinkOpen(tokens, idx, options, env, self);
  };
  return md;
}

const renderer = createRenderer();

/**
 * The commentary as markup, or null when it is empty after trimming.
 *
 * @example commentaryHtml("Ring 070-123 45 67 om *Centrum*") // "<p>Ring [borttaget] om <em>Centrum</em></p>\n"
 */
export function commentaryHtml(markdown: string): SafeHtml | null {
  const text = scrub(markdown.replace(/^\uFEFF/, "")).trim();
  if (text === "") return null;
  // markdown-it escapes every text node and attribute; with html:false no source markup passes through.
  return raw(renderer.render(text));
}
