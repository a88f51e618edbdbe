/** validate's grouped problem list (spec/cli.md "grouped and counted"), shared by every kind of source, and the per-file lines. */
import { describe, expect, it } from "vitest";
import { problemGroupLines } from "../../../src/cli/problem-groups.ts";
import { describeSources } from "../../../src/cli/summary.ts";
import type { IngestResult } from "../../../src/model/records.ts";
import { sampleConfig } from "../../helpers/sample-indicators.ts";

const p = (line: number, reason: string, message: string) => ({ file: "data/falt.csv", line, reason, message });

describe("problemGroupLines", () => {
  it("groups by reason code, the larger group first, with a singular count for one row", () => {
    const lines = problemGroupLines("falt", [
      p(3, "bad_time", "Tiden kan inte tolkas: använd HH:mm."),
      p(7, "unknown_label:Städning", "Okänd aktivitet: lägg till den under activities."),
      p(9, "bad_time", "Tiden kan inte tolkas: använd HH:mm."),
    ], 0);
    expect(lines).toEqual([
      "",
      "Problem i källan falt, grupperade efter orsak:",
      "  bad_time: 2 rader",
      "    data/falt.csv:3: bad_time (Tiden kan inte tolkas: använd HH:mm)",
      "    data/falt.csv:9: bad_time (Tiden kan inte tolkas: använd HH:mm)",
      "  unknown_label: 1 rad",
      "    data/falt.csv:7: unknown_label:Städning (Okänd aktivitet: lägg till den under activities)",
    ]);
  });

  it("says how many problems were counted but not kept", () => {
    expect(problemGroupLines("falt", [p(3, "bad_time", "x")], 1_200).at(-1)).toBe("  … 1 200 problem till visas inte (de räknas i summorna ovan)");
  });

  it("prints nothing for a source without problems", () => {
    expect(problemGroupLines("falt", [], 0)).toEqual([]);
  });
});

describe("describeSources", () => {
  const file = {
    path: "data/polis.csv",
    sha256: "0".repeat(64),
    encoding: "utf-8" as const,
    tally: { read: 2, accepted: 0, ignored: 0, rejected: 2, ignored_by_reason: {}, rejected_by_reason: { bad_date: 2 } },
    by_month: {},
    problems: [p(2, "bad_date", "a"), p(3, "bad_date", "b")].map((x) => ({ ...x, file: "data/polis.csv" })),
    problems_truncated: 0,
  };
  const ingest = { incidents: [{ sourceId: "polis", files: [file] }], warnings: [] } as unknown as IngestResult;

  it("in validate (no problems per file) does not tell the analyst to run validate", () => {
    const text = describeSources(sampleConfig(), ingest, { problemsPerFile: 0 }).join("\n");
    expect(text).toContain("data/polis.csv: 2 lästa, 0 godkända, 0 ignorerade, 2 avvisade");
    expect(text).not.toContain("kör lagesbild validate");
  });

  it("explains a rejection code in Swedish beside the code", () => {
    expect(describeSources(sampleConfig(), ingest, { problemsPerFile: 0 })).toContain("    avvisade: bad_date (datumet kan inte tolkas) 2");
  });

  it("in the run summary points to validate for the problems it leaves out", () => {
    expect(describeSources(sampleConfig(), ingest, { problemsPerFile: 1 })).toContain("    … och 1 problem till (kör lagesbild validate för alla)");
  });
});
