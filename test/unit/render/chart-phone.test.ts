/**
 * The phone variant of the charts (issue 16 item 3): small multiples of one category each (never more
 * than its own solid line, dashed line and band), drawn 360 CSS px wide at 1.5 device pixels per CSS
 * pixel in a palette PNG, and the palette PNG encoder checked against an independent decoder (cairo's
 * libpng through node-canvas).
 */
import { createCanvas, loadImage } from "canvas";
import { describe, expect, it } from "vitest";
import { chartSpecs } from "../../../src/render/chart-data.ts";
import { phonePanels } from "../../../src/render/chart-phone.ts";
import { PHONE, PHONE_SCALE } from "../../../src/render/chart-style.ts";
import { chartConfiguration, renderChart } from "../../../src/render/charts.ts";
import { encodeIndexedPng, type RawImage } from "../../../src/render/indexed-png.ts";
import { sampleConfig, sampleIndicators } from "../../helpers/sample-indicators.ts";

/** Both sample categories in one group, so the kommun's group chart has two categories (four lines). */
function groupSpec() {
  const ind = sampleIndicators();
  for (const a of ind.areas) for (const e of a.incidents) if (e.group !== null) e.group = "vald";
  return chartSpecs(ind, sampleConfig()).find((s) => s.name === "kommun-vald")!;
}

describe("phone panels", () => {
  it("cut a chart of two categories (four lines, two bands) into one panel per category", () => {
    const spec = groupSpec();
    expect([spec.lines.length, spec.bands.length]).toEqual([4, 2]);
    const panels = phonePanels(spec);
    expect(panels.map((p) => [p.panel.title, p.panel.legend, p.spec.lines.length, p.spec.bands.length])).toEqual([
      ["Skadegörelse, antal per månad", true, 2, 1],
      ["Misshandel, antal per månad", false, 2, 1],
    ]);
    // Each panel's solid line is its category's latest twelve months, the dashed one the year before.
    expect(panels[1]!.spec.lines.map((l) => [l.dashed, l.values.at(-1)])).toEqual([[false, 8], [true, 7]]);
  });

  it("draw each panel at 1.5 times its CSS size, with its title and the legend on the first only", () => {
    const [first, second] = phonePanels(groupSpec()).map((p) => chartConfiguration(p.spec, p.panel));
    expect(first!.options?.devicePixelRatio).toBe(PHONE_SCALE);
    expect([first!.options?.plugins?.legend?.display, second!.options?.plugins?.legend?.display]).toEqual([true, false]);
    expect(second!.options?.plugins?.title).toMatchObject({ display: true, text: "Misshandel, antal per månad" });
  });

  it("keep text at least 11 CSS px on a 390 px phone (358 px column) at the drawn sizes", () => {
    const shown = Math.min(PHONE.width, 390 - 2 * 16);
    expect((PHONE.fontSize * shown) / PHONE.width).toBeGreaterThanOrEqual(11);
  });

  it("stack into one palette PNG: 360 · 1,5 = 540 px wide, (190 + 44 + 190) · 1,5 = 636 px high, 4 bits a pixel", async () => {
    const chart = await renderChart(groupSpec());
    const png = chart.phone!.png;
    expect(chart.phone!.file).toBe("charts/kommun-vald-mobil.png");
    expect([chart.phone!.width, chart.phone!.height]).toEqual([360, 424]);
    expect([png.readUInt32BE(16), png.readUInt32BE(20), png[24], png[25]]).toEqual([540, 636, 4, 3]);
    // libpng reads it back at that size.
    const img = await loadImage(png);
    expect([img.width, img.height]).toEqual([540, 636]);
  });
});

/** Pixels back from a PNG through node-canvas (cairo + libpng), as #rrggbb strings. */
async function decode(png: Buffer): Promise<string[]> {
  const img = await loadImage(png);
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext("2d");
  ctx.drawImage(img, 0, 0);
  const d = ctx.getImageData(0, 0, img.width, img.height).data;
  const out: string[] = [];
  for (let i = 0; i < d.length; i += 4) out.push(`#${[d[i]!, d[i + 1]!, d[i + 2]!].map((v) => v.toString(16).padStart(2, "0")).join("")}`);
  return out;
}

/** A raw BGRA image from #rrggbb pixels. */
function raw(width: number, pixels: string[]): RawImage {
  const data = Buffer.alloc(pixels.length * 4);
  pixels.forEach((hex, i) => data.set([parseInt(hex.slice(5, 7), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(1, 3), 16), 255], i * 4));
  return { width, height: pixels.length / width, data };
}

describe("encodeIndexedPng", () => {
  it("is lossless with few colours: three colours in a 5 × 3 image read back exactly", async () => {
    const pixels = ["#ffffff", "#ffffff", "#0072b2", "#222222", "#ffffff", "#0072b2", "#0072b2", "#ffffff", "#222222", "#ffffff", "#ffffff", "#ffffff", "#ffffff", "#0072b2", "#222222"];
    expect(await decode(encodeIndexedPng(raw(5, pixels), 16))).toEqual(pixels);
  });

  it("keeps a named series colour exactly when the image has more colours than the palette", async () => {
    // 40 shades of grey, many pixels each, and one pixel of the series colour #d55e00.
    const greys = Array.from({ length: 40 * 8 }, (_, i) => `#${(100 + Math.floor(i / 8) * 3).toString(16).padStart(2, "0").repeat(3)}`);
    const pixels = [...greys, "#d55e00", ...Array.from({ length: 7 }, () => "#ffffff")];
    const back = await decode(encodeIndexedPng(raw(8, pixels), 16, ["#d55e00"]));
    expect(back[greys.length]).toBe("#d55e00");
    expect(new Set(back).size).toBeLessThanOrEqual(16);
  });

  // Runs of one colour that end mid-byte, cross a row's end and fill more than 32 whole bytes (the
  // encoder writes those with fill()), at each bit depth, read back by libpng.
  it.each([
    [2, 1],
    [4, 2],
    [9, 4],
    [40, 8],
  ])("is lossless with %i colours packed %i bits a pixel, runs crossing rows and bytes", async (count, bits) => {
    const width = 83; // odd, and not a whole number of bytes at any depth below 8
    const colour = (i: number) => `#${(i * 6).toString(16).padStart(2, "0")}2040`;
    const pixels: string[] = [];
    for (let i = 0; pixels.length < width * 16; i++) {
      // Run lengths 1 to 23, every sixteenth 200 longer (several rows), colours in turn.
      const run = ((i * 37) % 23) + 1 + (i % 16 === 0 ? 200 : 0);
      for (let k = 0; k < run; k++) pixels.push(colour(i % count));
    }
    pixels.length = width * 16;
    expect(new Set(pixels).size).toBe(count);
    const png = encodeIndexedPng(raw(width, pixels), 256);
    expect(png[24]).toBe(bits);
    expect(await decode(png)).toEqual(pixels);
  });

  it("gives the same bytes for the same pixels", () => {
    const pixels = Array.from({ length: 64 }, (_, i) => (i % 3 === 0 ? "#0072b2" : "#ffffff"));
    expect(encodeIndexedPng(raw(8, pixels)).equals(encodeIndexedPng(raw(8, pixels)))).toBe(true);
  });
});

/** The palette entries of a palette PNG (its PLTE chunk), as #rrggbb strings. */
function paletteOf(png: Buffer): string[] {
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.toString("ascii", at + 4, at + 8) === "PLTE") {
      const body = png.subarray(at + 8, at + 8 + length);
      return Array.from({ length: length / 3 }, (_, i) => `#${[...body.subarray(i * 3, i * 3 + 3)].map((v) => v.toString(16).padStart(2, "0")).join("")}`);
    }
    at += 12 + length;
  }
  return [];
}

describe("wide charts (issue 20: 312 area charts were 25 MB as truecolour PNGs)", () => {
  it("are palette PNGs of 800 × 400: an area's chart in at most 16 colours, the kommun's in at most 32, each line colour exact", async () => {
    const specs = chartSpecs(sampleIndicators(), sampleConfig());
    const area = specs.find((s) => s.placement.section === "area")!;
    const kommun = groupSpec();
    for (const [spec, most] of [[area, 16], [kommun, 32]] as const) {
      const png = (await renderChart(spec)).png;
      // IHDR: width, height, then bit depth and colour type 3 (palette).
      expect([png.readUInt32BE(16), png.readUInt32BE(20), png[25]]).toEqual([800, 400, 3]);
      const palette = paletteOf(png);
      expect(palette.length).toBeLessThanOrEqual(most);
      // Every solid line's own colour survives exactly, and libpng finds it in the picture.
      const pixels = new Set(await decode(png));
      for (const line of spec.lines) {
        expect(palette).toContain(line.colour.toLowerCase());
        expect(pixels.has(line.colour.toLowerCase())).toBe(true);
      }
    }
  });
});
