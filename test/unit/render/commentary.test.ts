/**
 * Section 5b (spec/outputs.md): the analysts' Markdown is rendered with headings, paragraphs, lists,
 * links and emphasis only; raw HTML is shown as text; personal identifiers are scrubbed first; unsafe
 * link schemes never become links.
 */
import { describe, expect, it } from "vitest";
import { commentaryHtml } from "../../../src/render/commentary-markdown.ts";

const render = (md: string) => commentaryHtml(md)?.value ?? null;

describe("commentaryHtml", () => {
  it("renders a heading one level below the section's h2 (# → h3)", () => {
    expect(render("# Läget")).toBe("<h3>Läget</h3>\n");
  });

  it("renders paragraphs, emphasis and lists", () => {
    expect(render("Det är *lugnt* och **stabilt**.\n\n- ett\n- två")).toBe(
      "<p>Det är <em>lugnt</em> och <strong>stabilt</strong>.</p>\n<ul>\n<li>ett</li>\n<li>två</li>\n</ul>\n",
    );
  });

  it("shows raw HTML as text", () => {
    expect(render('Hej <script>alert("x")</script> <img src=x onerror=alert(1)>')).toBe(
      "<p>Hej &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;</p>\n",
    );
  });

  it("makes http(s) links with rel=noopener", () => {
    expect(render("[Brå](https://bra.se/)")).toBe('<p><a href="https://bra.se/" rel="noopener noreferrer">Brå</a></p>\n');
  });

  it("keeps relative links", () => {
    expect(render("[arkivet](../index.html)")).toBe('<p><a href="../index.html" rel="noopener noreferrer">arkivet</a></p>\n');
  });

  it.each(["javascript:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "vbscript:x", "file:///etc/passwd"])(
    "never links to %s",
    (url) => {
      expect(render(`[klicka](${url})`)).not.toContain("<a ");
    },
  );

  it("does not render images, tables or code blocks as markup", () => {
    const out = render("![bild](https://x.se/a.png)\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n    kod") ?? "";
    expect([out.includes("<img"), out.includes("<table"), out.includes("<pre")]).toEqual([false, false, false]);
  });

  it("scrubs phone numbers, e-mail addresses and personnummer before rendering", () => {
    expect(render("Ring 070-123 45 67, mejla anna@example.se, gäller 19850312-1234.")).toBe(
      "<p>Ring [borttaget], mejla [borttaget], gäller [borttaget].</p>\n",
    );
  });

  it("returns null for an empty commentary", () => {
    expect(render("\uFEFF \n\n ")).toBeNull();
  });
});
