/**
 * The figures table (model/figures.ts) is the one list the CSV and the report's tables loop over: it
 * must name every figure the schema of indicators.json has, each once, and a derived figure may only be
 * computed from counts of its own group (the suppression hides it with them).
 */
import { describe, expect, it } from "vitest";
import { INCIDENT_FIGURES } from "../../../src/model/figures.ts";
import { MonthFiguresSchema, RollingFiguresSchema, YtdFiguresSchema } from "../../../src/model/indicators.ts";

const SCHEMAS = { month: MonthFiguresSchema, ytd: YtdFiguresSchema, rolling_12m: RollingFiguresSchema } as const;

describe("the incident figures table", () => {
  it.each(Object.entries(SCHEMAS))("lists every figure of %s in the schema exactly once", (group, schema) => {
    const inSchema = Object.keys(schema.shape).filter((k) => !k.endsWith("_suppressed")).sort();
    const listed = INCIDENT_FIGURES.filter((f) => f.group === group).map((f) => f.key).sort();
    expect(listed).toEqual(inSchema);
  });

  it("computes each derived figure from counts of its own group", () => {
    for (const f of INCIDENT_FIGURES.filter((x) => x.from.length > 0)) {
      for (const input of f.from) {
        const source = INCIDENT_FIGURES.find((x) => x.group === f.group && x.key === input);
        expect(source?.from, `${f.group}.${f.key} from ${input}`).toEqual([]);
      }
    }
  });

  it("says for every count what it sums and for every derived figure what it is computed from, never both", () => {
    // The suppression (aggregate/suppress.ts) hides a count with the plan's decision for its span and a
    // derived figure with its inputs: a figure with neither would be published whatever the plan hid.
    for (const f of INCIDENT_FIGURES) expect(f.count === null, `${f.group}.${f.key}`).toBe(f.from.length > 0);
    const spans = INCIDENT_FIGURES.flatMap((f) => (f.count === null ? [] : [`${f.count.window}${f.count.shift}`]));
    expect(new Set(spans).size).toBe(spans.length);
  });

  it("gives every CSV column and every table column one figure", () => {
    const csv = INCIDENT_FIGURES.flatMap((f) => (f.csv === null ? [] : [f.csv]));
    const table = INCIDENT_FIGURES.flatMap((f) => (f.table === null ? [] : [f.table]));
    expect(new Set(csv).size).toBe(csv.length);
    expect(new Set(table).size).toBe(table.length);
  });
});
