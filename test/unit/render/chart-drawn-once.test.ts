// A chart whose configuration was drawn before in the process is not drawn again (issue 7: the survey
// charts come out the same in every month of a range).
import { describe, expect, it } from "vitest";
import type { ChartConfiguration } from "chart.js";
import { drawPng, forgetDrawnCharts } from "../../../src/render/charts.ts";

const config = (values: number[]): ChartConfiguration => ({
  type: "line",
  data: { labels: ["jan", "feb", "mar"], datasets: [{ label: "Skadegörelse", data: values, borderColor: "#0b5394" }] },
  options: { plugins: { legend: { display: false } } },
});

describe("drawPng", () => {
  it("gives the PNG drawn before for an equal configuration", async () => {
    forgetDrawnCharts();
    const first = await drawPng(config([1, 2, 3]));
    const second = await drawPng(config([1, 2, 3]));
    expect(second).toBe(first); // the same Buffer: not drawn a second time
  });

  it("draws a configuration with other figures anew", async () => {
    forgetDrawnCharts();
    const first = await drawPng(config([1, 2, 3]));
    const other = await drawPng(config([1, 2, 4]));
    expect(other.equals(first)).toBe(false);
  });
});
