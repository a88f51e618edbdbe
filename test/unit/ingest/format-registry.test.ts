/**
 * The registry of source formats (src/ingest/formats/registry.ts): every kind and format of
 * spec/inputs.md is read by exactly one format, so no source falls between two readers or none.
 * The pairs are written out from the spec, not taken from the config schema.
 */
import { describe, expect, it } from "vitest";
import type { SourceConfig } from "../../../src/config/schema.ts";
import { formatOf, SOURCE_FORMATS } from "../../../src/ingest/formats/registry.ts";

const SPEC_PAIRS: ReadonlyArray<[string, string | undefined]> = [
  ["incidents", "csv"],
  ["incidents", "polisen-events"],
  ["incidents", "aggregated-csv"],
  ["survey", "survey-results"],
  ["survey", "survey-responses"],
  ["field-reports", undefined],
  ["actions", undefined],
  ["population", undefined],
  ["reference", undefined],
];

/** Only `kind` and `format` decide the reader; the rest of a source's config does not matter here. */
const sourceOf = (kind: string, format: string | undefined) => ({ id: "kalla", kind, path: "data/*.csv", ...(format ? { format } : {}) }) as unknown as SourceConfig;

describe("the source format registry", () => {
  it.each(SPEC_PAIRS)("reads kind %s, format %s, by exactly one format", (kind, format) => {
    expect(SOURCE_FORMATS.filter((f) => f.reads(sourceOf(kind, format)))).toHaveLength(1);
  });

  it("has no format that reads none of the spec's kinds and formats", () => {
    for (const f of SOURCE_FORMATS) expect(SPEC_PAIRS.some(([kind, format]) => f.reads(sourceOf(kind, format)))).toBe(true);
  });

  it("finds no reader for a format the spec does not have", () => {
    expect(formatOf(sourceOf("incidents", "xlsx"))).toBeUndefined();
  });
});
