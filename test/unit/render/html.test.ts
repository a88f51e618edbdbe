import { describe, expect, it } from "vitest";
import { escapeHtml, html, isSafeHtml, joinHtml } from "../../../src/render/html.ts";

describe("html tagged template", () => {
  it("escapes the five special characters of an interpolated string", () => {
    expect(html`<td>${`<a href="x">Tom & 'Jerry'</a>`}</td>`.value).toBe(
      "<td>&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;</td>",
    );
  });

  it("shows a <script> label as text", () => {
    const label = "<script>alert(1)</script>";
    expect(html`<h3>${label}</h3>`.value).toBe("<h3>&lt;script&gt;alert(1)&lt;/script&gt;</h3>");
  });

  it("does not escape nested SafeHtml a second time", () => {
    const inner = html`<b>${"a<b"}</b>`;
    expect(html`<p>${inner}</p>`.value).toBe("<p><b>a&lt;b</b></p>");
  });

  it("joins arrays, escaping their strings and keeping their markup", () => {
    expect(html`<ul>${["<x>", html`<li>y</li>`]}</ul>`.value).toBe("<ul>&lt;x&gt;<li>y</li></ul>");
  });

  it.each([null, undefined, false])("renders %s as nothing", (v) => {
    expect(html`<p>${v}</p>`.value).toBe("<p></p>");
  });

  it("renders numbers as text", () => {
    expect(html`${0}|${12.5}`.value).toBe("0|12.5");
  });

  it("escapes attribute values so a quote cannot end the attribute", () => {
    expect(html`<img alt="${'" onerror="x'}">`.value).toBe('<img alt="&quot; onerror=&quot;x">');
  });

  it("returns branded SafeHtml that a plain string is not", () => {
    expect(isSafeHtml(html`x`)).toBe(true);
    expect(isSafeHtml("x")).toBe(false);
  });

  it("joinHtml escapes strings between trusted separators", () => {
    expect(joinHtml(["<a>", "b"], ", ").value).toBe("&lt;a&gt;, b");
    expect(escapeHtml("&amp;")).toBe("&amp;amp;");
  });
});
