import { describe, expect, it } from "vitest";
import { parsePeriod } from "../../../src/ingest/text/parse-period.ts";

describe("parsePeriod", () => {
  it.each([
    ["2024-03", "2024-03"],
    ["2024-3", "2024-03"],
    ["mars 2024", "2024-03"],
    ["2024 mars", "2024-03"],
    ["Mars 2024", "2024-03"],
    ["2024M03", "2024-03"],
    ["2024M3", "2024-03"],
    ["okt 2024", "2024-10"],
    ["2024 december", "2024-12"],
  ])("reads %s as %s", (text, month) => {
    expect(parsePeriod(text)).toEqual({ kind: "month", month });
  });

  it.each(["2024K1", "2024Q1", "K1 2024", "kvartal 1 2024", "2024 kvartal 4"])("recognises the quarter %s", (text) => {
    expect(parsePeriod(text)).toEqual({ kind: "quarter" });
  });

  it("recognises a bare year", () => {
    expect(parsePeriod("2024")).toEqual({ kind: "year" });
  });

  it.each(["2024-13", "2024-03-01", "marsch 2024", "03/2024"])("rejects %s", (text) => {
    expect(parsePeriod(text)).toEqual({ kind: "invalid" });
  });
});
