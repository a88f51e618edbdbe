/**
 * tillganglighet.html follows DIGG's model statement (issue 16 item 6): the parts DIGG requires, in
 * its order, with the status and date from the config, the contact, Digg's complaint address as text
 * and a list of what is not accessible with the reason for each.
 */
import { describe, expect, it } from "vitest";
import { renderAccessibilityHtml } from "../../../src/render/accessibility-page.ts";
import { SAMPLE_CONFIG_YAML, sampleConfig } from "../../helpers/sample-indicators.ts";

const withA11y = (status: string) =>
  sampleConfig(SAMPLE_CONFIG_YAML.replace("output:\n", `output:\n  accessibility: { status: ${status}, assessed: 2024-09-01 }\n`));

const text = (page: string) => page.replace(/<[^>]+>/g, "").replace(/\s+/g, " ");

describe("the accessibility statement", () => {
  const page = renderAccessibilityHtml(withA11y("delvis förenlig"));

  it("has DIGG's sections in DIGG's order", () => {
    const h2 = [...page.matchAll(/<h2>([^<]+)<\/h2>/g)].map((m) => m[1]);
    expect(h2).toEqual([
      "Hur tillgänglig är webbplatsen?",
      "Vad kan du göra om du inte kan använda delar av webbplatsen?",
      "Rapportera brister i webbplatsens tillgänglighet",
      "Tillsyn",
      "Teknisk information om webbplatsens tillgänglighet",
      "Hur vi testat webbplatsen",
    ]);
    expect(page).toContain('<h3 id="brister">Innehåll som inte är tillgängligt</h3>');
    expect(page).toContain("<h3>Innehåll som inte omfattas av lagen</h3>");
  });

  it("names the organisation and the website, and the status from the config", () => {
    const t = text(page);
    expect(t).toContain("Exempelkommun och Polisen står bakom webbplatsen Lägesbild för Exempelkommun – fiktiva siffror.");
    expect(t).toContain("Webbplatsen är delvis förenlig med lagen om tillgänglighet till digital offentlig service, på grund av de brister som beskrivs nedan.");
  });

  it("lists what is not accessible, each with why and what to do instead", () => {
    const items = page.split('<ol class="shortcomings">')[1]!.split("</ol>")[0]!.match(/<li>[\s\S]*?<\/li>/g) ?? [];
    expect(items.length).toBeGreaterThanOrEqual(4);
    for (const item of items) {
      expect(item).toContain("<strong>Varför:</strong>");
      expect(item).toContain("<strong>Gör så här i stället:</strong>");
      expect(item).toMatch(/WCAG 2\.1:<\/strong> \d\.\d/);
    }
    expect(text(page)).toContain("Diagrammen är bilder.");
    expect(text(page)).toContain("Kartorna visar antal per område med färgnyanser.");
  });

  it("tells how to report a problem or ask for another format, with the contact from the config", () => {
    expect(page).toContain('<a href="mailto:trygghet@example.se">trygghet@example.se</a>');
    expect(page).toContain('<a href="tel:027075000">0270-750 00</a>');
    expect(text(page)).toContain("i ett annat format");
  });

  it("names Digg as supervisory authority with the complaint address written out", () => {
    expect(text(page)).toContain("Myndigheten för digital förvaltning (Digg) har ansvaret för tillsyn");
    expect(page).toContain('<a href="https://www.digg.se/tdosanmalan">www.digg.se/tdosanmalan</a>');
  });

  it("says how and when the site was tested", () => {
    expect(text(page)).toContain("självskattning");
    expect(text(page)).toContain("axe-core");
    expect(text(page)).toContain("Senaste bedömningen gjordes den 1 september 2024.");
  });

  it("does not blame shortcomings for a status of 'helt förenlig'", () => {
    const t = text(renderAccessibilityHtml(withA11y("helt förenlig")));
    expect(t).toContain("Webbplatsen är helt förenlig med lagen om tillgänglighet till digital offentlig service. Det som beskrivs nedan");
    expect(t).not.toContain("på grund av de brister");
  });

  it("says plainly when no assessment has been made", () => {
    const t = text(renderAccessibilityHtml(sampleConfig()));
    expect(t).toContain("Vi har ännu inte bedömt");
    expect(t).toContain("Ingen bedömning är gjord ännu.");
  });

  it("keeps its long compound words off the h1 (DIGG's heading: Tillgänglighet för <webbplatsen>)", () => {
    expect(page).toContain("<h1>Tillgänglighet för Lägesbild för Exempelkommun – fiktiva siffror</h1>");
  });
});
