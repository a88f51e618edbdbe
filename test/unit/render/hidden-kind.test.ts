/**
 * One reading of a figure's published hidden flag for the page's table, indicators.csv and serie.csv's status
 * (src/render/_figure-value.ts), on hand-written entries: spec/outputs.md's kinds, "small" (shown
 * "färre än k", `litet`) and "protects" ("döljs", `doljs`); `true` from a file published before the two
 * kinds (a small value); `false`, which says "not hidden" and decides alone even beside the entry's
 * `suppressed` (the case the table and the CSV used to read differently); no flag on the month's count
 * of a file published before the per-figure flags, where the entry's `suppressed: true` says it is
 * hidden (small); and a plain null, unavailable ("uppgift saknas", `nej`, not in `dolda`).
 */
import { describe, expect, it } from "vitest";
import type { IncidentEntry, Indicators } from "../../../src/model/indicators.ts";
import { chartSpecs } from "../../../src/render/chart-data.ts";
import { incidentTable } from "../../../src/render/incident-table.ts";
import { renderIndicatorsCsv } from "../../../src/render/indicators-csv.ts";
import { countStatus } from "../../../src/render/serie-csv.ts";
import { SAMPLE_MONTH, sampleConfig } from "../../helpers/sample-indicators.ts";

/**
 * Misshandel in Centrum with this month's count and last year's month both null, flagged `flag` (or not
 * at all), and the entry's `suppressed`; its series is the report month's point alone, null and flagged
 * `pointFlag` (or not at all).
 */
function withFlag(flag: unknown, suppressed: boolean, pointFlag: unknown = flag): Indicators {
  const flags = flag === undefined ? {} : { count_suppressed: flag, same_month_last_year_suppressed: flag };
  const point = { month: SAMPLE_MONTH, count: null, ...(pointFlag === undefined ? {} : { suppressed: pointFlag }) };
  // Written by hand as a file would hold it: `true`/`false` are no longer in the schema, so no parse.
  const entry = {
    category: "misshandel",
    name: "Misshandel",
    group: "vald",
    measure: "brott",
    suppressed,
    month: { count: null, previous_month: 4, same_month_last_year: null, change_abs: null, change_pct: null, per_100k: null, ...flags },
    ytd: { count: 9, last_year: 8, change_abs: 1, change_pct: 12.5 },
    rolling_12m: { count: 40, previous: 38, change_abs: 2, change_pct: 5.3, per_100k: 952.4 },
    trend: { verdict: "normal", p_value: 0.61, q_value: 0.61, baseline_mean: 3.5, baseline_years: 3 },
    series: [point],
  } as unknown as IncidentEntry;
  return {
    schema: "lagesbild.indicators/v1",
    kommun: { code: "9999", name: "Exempelkommun" },
    month: SAMPLE_MONTH,
    generated_at: "2024-04-02T06:00:00+02:00",
    revision: 1,
    sources: [],
    areas: [{ id: "centrum", name: "Centrum", population: 4200, incidents: [entry] }],
    promises: [],
    actions: [],
  } as unknown as Indicators;
}

/** The row's first two figure cells in the page's table: the month's count and the same month last year. */
function tableCells(ind: Indicators): string[] {
  const area = ind.areas[0]!;
  const page = String(incidentTable(area, area.name, { month: SAMPLE_MONTH, config: sampleConfig(), withReference: false }));
  const row = /<th scope="row">Misshandel<\/th>([\s\S]*?)<\/tr>/.exec(page)?.[1] ?? "";
  return [...row.matchAll(/<td class="num">([^<]*)<\/td>/g)].map((m) => m[1] ?? "").slice(0, 2);
}

/** The row's `antal`, `samma_manad_ifjol`, `undertryckt` and `dolda` cells in indicators.csv. */
function csvCells(ind: Indicators): string[] {
  const [header, line] = renderIndicatorsCsv(ind).toString("utf8").replace(/^\ufeff/, "").split("\r\n");
  const names = header!.split(";");
  const cells = line!.split(";");
  return ["antal", "samma_manad_ifjol", "undertryckt", "dolda"].map((n) => cells[names.indexOf(n)] ?? "?");
}

describe("a hidden figure reads the same on the page, in indicators.csv and in serie.csv", () => {
  it.each([
    ["small", "small", true, ["färre än 3", "färre än 3"], ["", "", "litet", "samma_manad_ifjol=litet"], "dold_litet"],
    ["protects", "protects", true, ["döljs", "döljs"], ["", "", "doljs", "samma_manad_ifjol=doljs"], "dold_skyddar"],
    ["true, from a file before the two kinds", true, true, ["färre än 3", "färre än 3"], ["", "", "litet", "samma_manad_ifjol=litet"], "dold_litet"],
    ["false: not hidden, whatever the entry's suppressed says", false, true, ["uppgift saknas", "uppgift saknas"], ["", "", "nej", ""], "saknas"],
    ["absent beside suppressed: true, from a file before the per-figure flags", undefined, true, ["färre än 3", "uppgift saknas"], ["", "", "litet", ""], "dold_litet"],
    ["absent, a plain null: unavailable", undefined, false, ["uppgift saknas", "uppgift saknas"], ["", "", "nej", ""], "saknas"],
  ] as const)("flag %s", (_case, flag, suppressed, table, csv, serie) => {
    const ind = withFlag(flag, suppressed);
    expect(tableCells(ind)).toEqual(table);
    expect(csvCells(ind)).toEqual(csv);
    expect(countStatus(ind.areas[0]!.incidents[0]!)).toBe(serie);
  });
});

/**
 * The chart of the entry's group (kommun-vald, drawn when the area is the kommun): the report month's
 * cell in its table, and its words in the alt text ("Misshandel: <value> i mars 2024 mot …").
 */
function chartCells(ind: Indicators): [string, string] {
  const kommun = { ...ind, areas: [{ ...ind.areas[0]!, id: "kommun" }] } as Indicators;
  const chart = chartSpecs(kommun, sampleConfig()).find((c) => c.name === "kommun-vald");
  const alt = /Misshandel: (.*?) i mars 2024 mot/.exec(chart?.alt ?? "")?.[1] ?? "?";
  return [chart?.table.rows.at(-1)?.cells[0] ?? "?", alt];
}

describe("the chart's table and alt text read the report month's count as the page's table does", () => {
  it.each([
    ["small", "small", true, undefined],
    ["protects", "protects", true, undefined],
    ["true, from a file before the two kinds", true, true, undefined],
    ["false beside suppressed: true", false, true, undefined],
    // Before the per-figure flags: only the entry's suppressed says the month's count is hidden (the
    // chart's table read the point's missing flag as "uppgift saknas").
    ["absent beside suppressed: true", undefined, true, undefined],
    // A contradictory file: the point says false where the month's count has no flag and the entry is
    // suppressed (the alt text read the point's false as "uppgift saknas").
    ["absent beside suppressed: true, the point flagged false", undefined, true, false],
    ["absent, a plain null", undefined, false, undefined],
  ] as const)("flag %s", (_case, flag, suppressed, pointFlag) => {
    const ind = withFlag(flag, suppressed, pointFlag ?? flag);
    const [page] = tableCells(ind);
    expect(chartCells(ind)).toEqual([page, page]);
  });

  it("names the words the page's table gives (the comparison above is not between two blanks)", () => {
    expect(chartCells(withFlag(undefined, true, false))).toEqual(["färre än 3", "färre än 3"]);
    expect(chartCells(withFlag("protects", true))).toEqual(["döljs", "döljs"]);
    expect(chartCells(withFlag(false, true))).toEqual(["uppgift saknas", "uppgift saknas"]);
  });
});
