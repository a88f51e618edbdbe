/**
 * Map labels that would overlap are left out (src/render/map-svg.ts): with a small area beside one
 * showing a long range, or 300 areas, they piled on top of each other. Hand-made geometry: two areas
 * whose label points are 10 map units apart (far closer than one label's 43 units of height) and a
 * third 300 units away.
 */
import { describe, expect, it } from "vitest";
import { FILL, mapSvg } from "../../../src/render/map-svg.ts";
import type { MapGeometry } from "../../../src/render/map-geometry.ts";

const geometry: MapGeometry = {
  width: 478,
  height: 600,
  areas: [
    { id: "centrum", d: "M0 0H10V10Z", label: [200, 300] },
    { id: "hamnen", d: "M0 0H10V10Z", label: [210, 310] },
    { id: "ljungdal", d: "M0 0H10V10Z", label: [200, 20] },
  ],
};
const svg = (centrumFill: string, hamnenFill: string) =>
  String(
    mapSvg(geometry, {
      id: "karta-test",
      title: "Test",
      description: "Test",
      areas: [
        { id: "centrum", fill: centrumFill, lines: ["Centrum", "döljs"] },
        { id: "hamnen", fill: hamnenFill, lines: ["Hamnen", "1 565,2–2 434,8"] },
        { id: "ljungdal", fill: "#fdae6b", lines: ["Ljungdal", "743,6"] },
      ],
    }),
  );
const labels = (markup: string) => [...markup.matchAll(/<tspan>([^<]+)<\/tspan>/g)].map((m) => m[1]);

describe("map labels", () => {
  it("leaves out the label that would overlap, keeping the area whose figure is in colour", () => {
    expect(labels(svg(FILL.hidden, "#e6550d"))).toEqual(["Hamnen", "Ljungdal"]);
  });

  it("keeps the first in config order when both show a figure, and every area's shape either way", () => {
    const markup = svg("#fdd0a2", "#e6550d");
    expect(labels(markup)).toEqual(["Centrum", "Ljungdal"]);
    expect(markup.match(/<use href=/g)).toHaveLength(3);
  });
});
