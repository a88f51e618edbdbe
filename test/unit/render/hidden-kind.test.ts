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
import { incidentTable } from "../../../src/render/incident-table.ts";
import { renderIndicatorsCsv } from "../../../src/render/indicators-csv.ts";
import { countStatus } from "../../../src/render/serie-csv.ts";
import { SAMPLE_MONTH, sampleConfig } from "../../helpers/sample-indicators.ts";

/** Misshandel in Centrum with this month's count and last year's month both null, flagged `flag` (or not at all), and the entry's `suppressed`. */
function withFlag(flag: unknown, suppressed: boolean): Indicators {
  const flags = flag === undefined ? {} : { count_suppressed: flag, same_month_last_year_suppressed: flag };
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
    series: [],
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
