/**
 * HTML escaped by construction. Every value interpolated into an `html` template is escaped unless it
 * is itself `SafeHtml` (the result of another `html` template or of `raw`), so a label in the config or
 * a source file such as `<script>` is shown as text and can never become markup (spec/outputs.md).
 *
 * @example html`<td>${label}</td>` // label "<b>" → "<td>&lt;b&gt;</td>"
 */

declare const safeHtmlBrand: unique symbol;

/** A string of markup known to be safe: only `html` and `raw` make one. */
export interface SafeHtml {
  readonly [safeHtmlBrand]: true;
  readonly value: string;
  toString(): string;
}

class SafeHtmlImpl {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Anything an `html` template accepts: nothing, text, numbers, markup, or (nested) lists of those. */
export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | ReadonlyArray<HtmlValue>;

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Control characters XML 1.0 forbids (tab, LF and CR are allowed); DEL, which HTML rejects, too. */
const FORBIDDEN_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
/** Half a surrogate pair, and the two non-characters U+FFFE and U+FFFF: not characters at all. */
const NOT_CHARACTERS = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\ufffe\uffff]/g;

/**
 * Text made safe to put in XML 1.0 and HTML (issue 14.8): a control character (Word's `\v` for a
 * manual line break, a stray form feed from a PDF copy) becomes a space, a broken surrogate U+FFFD.
 * Without this one label from the config made feed.xml invalid XML, which readers then drop.
 */
export function xmlText(text: string): string {
  return text.replace(FORBIDDEN_CONTROLS, " ").replace(NOT_CHARACTERS, "\ufffd");
}

/** Escapes text for element content and quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return xmlText(text).replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

export function isSafeHtml(value: unknown): value is SafeHtml {
  return value instanceof SafeHtmlImpl;
}

/**
 * Trusted markup, for constants written in this code base only (e.g. a doctype). Never pass data to it.
 */
export function raw(markup: string): SafeHtml {
  return new SafeHtmlImpl(markup) as unknown as SafeHtml;
}

function render(value: HtmlValue): string {
  // null, undefined and false render as nothing, so `${cond && html`…`}` works.
  if (value === null || value === undefined || value === false) return "";
  if (isSafeHtml(value)) return value.value;
  if (Array.isArray(value)) return value.map((v: HtmlValue) => render(v)).join("");
  return escapeHtml(String(value));
}

/** The tagged template: escapes every interpolation that is not already SafeHtml. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? "";
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? "");
  });
  return raw(out);
}

/** Joins markup fragments with a (trusted) separator. */
export function joinHtml(parts: ReadonlyArray<HtmlValue>, separator = ""): SafeHtml {
  return raw(parts.map((p) => render(p)).join(separator));
}
