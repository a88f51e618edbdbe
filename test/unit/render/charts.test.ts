import { describe, expect, it } from "vitest";
import { axisLabels, chartSpecs } from "../../../src/render/chart-data.ts";
import { PALETTE, TOTAL_COLOUR, categoryStyle, contrastRatio } from "../../../src/render/chart-palette.ts";
import { CHART_HEIGHT, CHART_WIDTH, chartConfiguration, forgetDrawnCharts, releaseLiveCharts, renderChart, renderCharts } from "../../../src/render/charts.ts";
import { areaPanels, drawAreaChart } from "../../../src/render/area-chart.ts";
import { sampleConfig, sampleIndicators } from "../../helpers/sample-indicators.ts";

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe("chart specs", () => {
  const specs = chartSpecs(sampleIndicators(), sampleConfig());

  it("has one chart per category group of the kommun, then one per area (okänt last)", () => {
    expect(specs.map((s) => s.name)).toEqual([
      "kommun-offentlig-miljo",
      "kommun-vald",
      "omrade-centrum",
      "omrade-ljusne",
      "omrade-okant",
    ]);
  });

  it("states the latest value against the same month last year and the verdict in the alt text", () => {
    // Kommun skadegörelse: 15 in March 2023 (point 11), 30 in March 2024 (point 23).
    expect(specs[0]!.alt).toContain("Skadegörelse: 30 i mars 2024 mot 15 i mars 2023 – ökning utöver normal variation.");
  });

  it("says 'för kort historik' in the alt text of a line without a full history", () => {
    expect(specs.find((s) => s.name === "omrade-okant")!.alt).toContain("för kort historik");
  });

  it("names a hidden latest value as hidden in the alt text, never its number", () => {
    // Ljusne's total is 6 in March 2023 and March 2024; hide both points as suppression would, and the
    // month's count they are (the report month's point reads as the page's table reads month.count).
    const ind = sampleIndicators();
    const total = ind.areas.find((a) => a.id === "ljusne")!.incidents.find((e) => e.category === "total")!;
    for (const i of [11, 23]) total.series[i] = { month: total.series[i]!.month, count: null, suppressed: "small" };
    total.month = { ...total.month, count: null, count_suppressed: "small", same_month_last_year: null, same_month_last_year_suppressed: "small" };
    total.suppressed = true;
    const spec = chartSpecs(ind, sampleConfig()).find((s) => s.name === "omrade-ljusne")!;
    expect(spec.alt).toContain("Alla polisanmälda brott: färre än 3 i mars 2024 mot färre än 3 i mars 2023");
  });

  it("gives every chart a table of the latest twelve months, each with its band and beside the same month a year earlier", () => {
    const t = specs[0]!.table;
    expect(t.rows.map((r) => r.month)).toEqual([
      "april 2023", "maj 2023", "juni 2023", "juli 2023", "augusti 2023", "september 2023",
      "oktober 2023", "november 2023", "december 2023", "januari 2024", "februari 2024", "mars 2024",
    ]);
    expect(t.columns).toEqual(["Skadegörelse", "Skadegörelse, normal variation för årstiden", "Skadegörelse, samma månad året innan"]);
    // The sample's series carry no band: "uppgift saknas" (the band itself is tested below).
    expect(t.rows[11]!.cells).toEqual(["30", "uppgift saknas", "15"]);
  });

  it("draws a hidden point as a gap and shows it as 'färre än k' in the table", () => {
    // Hide one point of Ljusne's total (September 2022, index 5) as suppression would.
    const ind = sampleIndicators();
    const ljusne = ind.areas.find((a) => a.id === "ljusne")!;
    const total = ljusne.incidents.find((e) => e.category === "total")!;
    total.series[5] = { month: total.series[5]!.month, count: null, suppressed: "small" };
    const spec = chartSpecs(ind, sampleConfig()).find((s) => s.name === "omrade-ljusne")!;
    // September 2022 is the dashed (last year) point under September 2023, index 5 of the axis.
    expect(spec.lines[1]!.values[5]).toBeNull();
    expect(spec.table.rows[5]!.cells[2]).toBe("färre än 3");
    expect(chartConfiguration(spec).data.datasets[0]!.spanGaps).toBe(false);
  });

  it("shades the band of normal variation under the solid line and lists it in the table", () => {
    const ind = sampleIndicators();
    const total = ind.areas.find((a) => a.id === "ljusne")!.incidents.find((e) => e.category === "total")!;
    // March 2024 (the last point): normal for its season between 2 and 9; February 2024 hidden.
    total.series[23] = { ...total.series[23]!, normal_low: 2, normal_high: 9 };
    total.series[22] = { ...total.series[22]!, normal_low: null, normal_high: null, normal_suppressed: "protects" };
    const spec = chartSpecs(ind, sampleConfig()).find((s) => s.name === "omrade-ljusne")!;
    expect(spec.bands).toHaveLength(1);
    expect(spec.bands[0]!.low.at(-1)).toBe(2);
    expect(spec.bands[0]!.high.at(-1)).toBe(9);
    expect(spec.table.rows[11]!.cells[1]).toBe("2–9");
    expect(spec.table.rows[10]!.cells[1]).toBe("döljs");
    // Two datasets per band after the lines: the lower edge, then the upper filled down to it, beneath the lines.
    const datasets = chartConfiguration(spec).data.datasets;
    expect(datasets).toHaveLength(spec.lines.length + 2);
    expect(datasets.at(-1)).toMatchObject({ fill: "-1", order: 1 });
    expect(datasets.at(-1)!.data.at(-1)).toBe(9);
    expect(spec.caption).toContain("Skuggat band");
  });

  it("draws the latest twelve months solid and the twelve before them dashed, on the same months", () => {
    const [current, lastYear] = specs[0]!.lines;
    expect([current!.dashed, lastYear!.dashed]).toEqual([false, true]);
    expect(current!.values).toEqual([12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 30]);
    expect(lastYear!.values).toEqual([11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 11, 15]);
  });

  it("labels the x axis with short month names and the year on the first month and on January", () => {
    expect(axisLabels(specs[0]!.months)).toEqual([
      ["apr", "2023"], "maj", "juni", "juli", "aug", "sep", "okt", "nov", "dec", ["jan", "2024"], "feb", "mars",
    ]);
  });
});

describe("palette", () => {
  it.each([...PALETTE, TOTAL_COLOUR])("%s has at least 3:1 contrast against white", (colour) => {
    expect(contrastRatio(colour, "#ffffff")).toBeGreaterThanOrEqual(3);
  });

  it("keeps a category's colour by its config order, whatever chart it is in", () => {
    const config = sampleConfig();
    expect(categoryStyle(config, "skadegorelse").colour).toBe(PALETTE[0]);
    expect(categoryStyle(config, "misshandel").colour).toBe(PALETTE[1]);
    expect(categoryStyle(config, "total").colour).toBe(TOTAL_COLOUR);
  });
});

describe("renderCharts", () => {
  it("renders PNGs of the fixed size, deterministically", async () => {
    const charts = await renderCharts(sampleIndicators(), sampleConfig());
    expect(charts).toHaveLength(5);
    for (const c of charts) {
      expect([...c.png.subarray(0, 8)]).toEqual(PNG_MAGIC);
      expect(c.png.readUInt32BE(16)).toBe(CHART_WIDTH);
      expect(c.png.readUInt32BE(20)).toBe(CHART_HEIGHT);
      expect(c.file).toMatch(/^charts\/[a-z0-9-]+\.png$/);
    }
    forgetDrawnCharts(); // drawn anew, not the remembered PNG
    const again = await renderChart(chartSpecs(sampleIndicators(), sampleConfig())[0]!);
    expect(again.png.equals(charts[0]!.png)).toBe(true);
  });
});

describe("live charts (one chart.js Chart per canvas size, redrawn with each configuration)", () => {
  it("draws the bytes a freshly made chart draws, whatever it drew before", async () => {
    const specs = chartSpecs(sampleIndicators(), sampleConfig());
    const centrum = specs.find((s) => s.name === "omrade-centrum")!;
    const ljusne = specs.find((s) => s.name === "omrade-ljusne")!;
    // Fresh: each drawn first on newly made charts.
    releaseLiveCharts();
    forgetDrawnCharts();
    const fresh = drawAreaChart(areaPanels(centrum));
    releaseLiveCharts();
    const freshWide = await renderChart(ljusne);
    // Reused: the live charts made by the kommun's chart (other figures, labels, colours, two categories),
    // then the same charts drawn on them.
    releaseLiveCharts();
    forgetDrawnCharts();
    await renderChart(specs[0]!);
    const reusedWide = await renderChart(ljusne);
    drawAreaChart(areaPanels(ljusne));
    const reused = drawAreaChart(areaPanels(centrum));
    expect(reused.equals(fresh)).toBe(true);
    expect(reusedWide.png.equals(freshWide.png)).toBe(true);
    expect(reusedWide.phone!.png.equals(freshWide.phone!.png)).toBe(true);
    // Different figures give a different picture: the live chart does not keep serving the last one.
    expect(reused.equals(drawAreaChart(areaPanels(ljusne)))).toBe(false);
    releaseLiveCharts();
  });
});
