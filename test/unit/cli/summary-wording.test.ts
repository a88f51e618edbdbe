import { describe, expect, it } from "vitest";
import { formatProblem } from "../../../src/cli/summary.ts";

describe("summary wording", () => {
  it("prints a problem as file:line: reason (what to do)", () => {
    expect(formatProblem({ file: "data/polis.csv", line: 12, reason: "bad_date", message: "Datumet kan inte tolkas: använd YYYY-MM-DD." })).toBe(
      "data/polis.csv:12: bad_date (Datumet kan inte tolkas: använd YYYY-MM-DD)",
    );
  });

  it("prints a whole-file problem with - for the line", () => {
    expect(formatProblem({ file: "data/a.csv", line: null, reason: "missing_field:category", message: "Kolumnen saknas." })).toBe(
      "data/a.csv:-: missing_field:category (Kolumnen saknas)",
    );
  });
});
