/**
 * The analysts' monthly commentary (section 5b, spec/outputs.md): Markdown with headings, paragraphs,
 * lists, links and emphasis only; raw HTML shown as text; scrubbed of personal identifiers.
 *
 * Scrubbed after markdown-it has parsed the text, never before (issue 14.3): Markdown decodes
 * backslash escapes and character references (`070\-222 33 44`, `lisa&#64;example.se`) and splits text
 * at emphasis, so scrubbing the source would miss what the reader finally sees. What is shown is
 * the text tokens (joined across emphasis and line breaks, so an identifier split by markup is
 * still found) and a link's target and title; those are what is scrubbed.
 *
 * markdown-it rather than a hand-written parser: it is CommonMark-compliant, widely used and, started
 * from its "zero" preset with only the rules we allow enabled and `html: false`, it cannot emit a tag we
 * did not ask for (images, tables, code blocks and inline HTML stay text).
 */
import MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import { identifierRanges, REMOVED } from "../core/scrub.ts";
import { raw, type SafeHtml, xmlText } from "./html.ts";

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
  const defaultLinkClose = md.renderer.rules.link_close ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    if (tokens[idx]?.meta?.dropped === true) return "";
    // An analyst's link goes to someone else's site: no window.opener, no referrer leak.
    tokens[idx]?.attrSet("rel", "noopener noreferrer");
    return defaultLinkOpen(tokens, idx, options, env, self);
  };
  md.renderer.rules.link_close = (tokens, idx, options, env, self) =>
    tokens[idx]?.meta?.dropped === true ? "" : defaultLinkClose(tokens, idx, options, env, self);
  return md;
}

const renderer = createRenderer();

/** A link target as a reader could read it: percent-escapes decoded (`lisa%40example.se`). */
function readableHref(href: string): string {
  try {
    return decodeURIComponent(href);
  } catch {
    return href;
  }
}

/**
 * Cuts identifiers out of one inline run: the text of its tokens is joined (a line break as a space,
 * markup as nothing) and scrubbed as one, then each token keeps its share of the result; a link whose
 * target or title holds an identifier is dropped (its text stays, scrubbed).
 */
function scrubInline(children: Token[]): void {
  const pieces: Array<{ token: Token; start: number }> = [];
  let joined = "";
  for (const t of children) {
    if (t.type === "text") {
      pieces.push({ token: t, start: joined.length });
      joined += t.content;
    } else if (t.type === "softbreak" || t.type === "hardbreak") joined += " ";
    else if (t.type === "link_open") {
      const href = t.attrGet("href") ?? "";
      const title = t.attrGet("title") ?? "";
      if (identifierRanges(readableHref(href)).length > 0 || identifierRanges(title).length > 0) {
        t.meta = { ...(t.meta ?? {}), dropped: true };
        const close = children.slice(children.indexOf(t)).find((c) => c.type === "link_close");
        if (close) close.meta = { ...(close.meta ?? {}), dropped: true };
      }
    }
  }
  const ranges = identifierRanges(joined);
  if (ranges.length === 0) return;
  for (const { token, start } of pieces) {
    const end = start + token.content.length;
    let out = "";
    let at = start;
    for (const [from, to] of ranges) {
      if (to <= start || from >= end) continue;
      out += joined.slice(at, Math.max(from, start));
      // The marker goes where the identifier starts; the tokens it continues into lose their part.
      if (from >= start) out += REMOVED;
      at = Math.min(to, end);
    }
    token.content = out + joined.slice(at, end);
  }
}

/**
 * The commentary as markup, or null when it is empty after trimming.
 *
 * @example commentaryHtml("Ring 070-123 45 67 om *Centrum*") // "<p>Ring [borttaget] om <em>Centrum</em></p>\n"
 */
export function commentaryHtml(markdown: string): SafeHtml | null {
  const text = markdown.replace(/^\uFEFF/, "").trim();
  if (text === "") return null;
  const env = {};
  const tokens = renderer.parse(text, env);
  for (const t of tokens) if (t.type === "inline" && t.children) scrubInline(t.children);
  // markdown-it escapes every text node and attribute; with html:false no source markup passes through.
  return raw(xmlText(renderer.renderer.render(tokens, renderer.options, env)));
}
