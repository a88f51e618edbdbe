import { describe, expect, it } from "vitest";
import { renderMonthFiles } from "../../../src/render/render-month.ts";
import { sampleConfig, sampleIndicators } from "../../helpers/sample-indicators.ts";

describe("renderMonthFiles", () => {
  it("returns every file of the month folder, sorted by path", async () => {
    const files = await renderMonthFiles(sampleIndicators(), { config: sampleConfig(), notes: [], runJson: { share: 0.0000375 } });
    expect(files.map((f) => f.path)).toEqual([
      // Each chart beside its phone variant (issue 16).
      "charts/kommun-offentlig-miljo-mobil.png",
      "charts/kommun-offentlig-miljo.png",
      "charts/kommun-vald-mobil.png",
      "charts/kommun-vald.png",
      "charts/omrade-centrum-mobil.png",
      "charts/omrade-centrum.png",
      "charts/omrade-ljusne-mobil.png",
      "charts/omrade-ljusne.png",
      "charts/omrade-okant-mobil.png",
      "charts/omrade-okant.png",
      "index.html",
      "indicators.csv",
      "indicators.json",
      "run.json",
    ]);
    const text = (p: string) => files.find((f) => f.path === p)!.content.toString("utf8");
    expect(text("run.json")).toBe('{\n  "share": 0.0000375\n}\n');
    expect(JSON.parse(text("indicators.json"))).toEqual(sampleIndicators());
    // Every chart file the page points to is in the folder.
    const sources = [...text("index.html").matchAll(/<img src="([^"]+)"|<source [^>]*srcset="([^" ]+) 1\.5x"/g)].map((m) => m[1] ?? m[2]);
    expect(sources).toHaveLength(10);
    for (const src of sources) expect(files.some((f) => f.path === src)).toBe(true);
  });
});
