/**
 * Canonical and feed-discovery links (issue 16 item 9): every page names its own absolute address
 * under `output.base_url` and points at feed.xml; without a base_url there is no canonical (a relative
 * one would name whichever copy is read) and the feed link is relative. Expected URLs written by hand.
 */
import { describe, expect, it } from "vitest";
import { renderAccessibilityHtml } from "../../../src/render/accessibility-page.ts";
import { renderArchiveHtml } from "../../../src/render/archive-page.ts";
import { renderFeedXml } from "../../../src/render/feed-xml.ts";
import { renderReportHtml } from "../../../src/render/report-page.ts";
import { siteUrl } from "../../../src/render/site-url.ts";
import { SAMPLE_CONFIG_YAML, sampleConfig, sampleIndicators } from "../../helpers/sample-indicators.ts";

const withBase = (base: string) => sampleConfig(SAMPLE_CONFIG_YAML.replace("output:\n", `output:\n  base_url: "${base}"\n`));
const TITLE = "Lägesbild för Exempelkommun – fiktiva siffror (Atom-flöde)";

function pages(config = sampleConfig()) {
  return {
    month: renderReportHtml(sampleIndicators(), { config, charts: [], notes: [] }),
    archive: renderArchiveHtml([], config),
    statement: renderAccessibilityHtml(config),
  };
}

describe("siteUrl", () => {
  it.each([
    ["https://www.example.se/lagesbild/", "2024-03/index.html", "https://www.example.se/lagesbild/2024-03/index.html"],
    ["https://www.example.se/lagesbild", "2024-03/index.html", "https://www.example.se/lagesbild/2024-03/index.html"],
    ["https://www.example.se", "feed.xml", "https://www.example.se/feed.xml"],
    ["https://www.example.se/a/b?x=1#top", "tillganglighet.html", "https://www.example.se/a/b/tillganglighet.html"],
  ])("%s + %s = %s", (base, rel, url) => {
    expect(siteUrl(base, rel)).toBe(url);
  });
});

describe("canonical and feed links", () => {
  it.each(["https://www.example.se/lagesbild/", "https://www.example.se/lagesbild"])("with base_url %s every page has its absolute canonical and the absolute feed", (base) => {
    const p = pages(withBase(base));
    const feed = `<link rel="alternate" type="application/atom+xml" title="${TITLE}" href="https://www.example.se/lagesbild/feed.xml">`;
    expect(p.month).toContain('<link rel="canonical" href="https://www.example.se/lagesbild/2024-03/index.html">');
    expect(p.archive).toContain('<link rel="canonical" href="https://www.example.se/lagesbild/index.html">');
    expect(p.statement).toContain('<link rel="canonical" href="https://www.example.se/lagesbild/tillganglighet.html">');
    for (const page of Object.values(p)) {
      expect(page).toContain(feed);
      expect(page.match(/rel="canonical"/g)).toHaveLength(1);
    }
  });

  it("without base_url no page has a canonical link and the feed link is relative to the page", () => {
    const p = pages();
    for (const page of Object.values(p)) expect(page).not.toContain('rel="canonical"');
    expect(p.month).toContain(`<link rel="alternate" type="application/atom+xml" title="${TITLE}" href="../feed.xml">`);
    expect(p.archive).toContain(`<link rel="alternate" type="application/atom+xml" title="${TITLE}" href="feed.xml">`);
    expect(p.statement).toContain(`<link rel="alternate" type="application/atom+xml" title="${TITLE}" href="feed.xml">`);
  });

  it("the feed joins a base_url without a trailing slash under it, not beside it", () => {
    const feed = renderFeedXml([], withBase("https://www.example.se/lagesbild"));
    expect(feed).toContain('<link rel="self" type="application/atom+xml" href="https://www.example.se/lagesbild/feed.xml"/>');
    expect(feed).toContain('<link rel="alternate" type="text/html" href="https://www.example.se/lagesbild/index.html"/>');
  });
});
