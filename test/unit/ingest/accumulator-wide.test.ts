/**
 * The source accumulator keeps per-id state in narrow arrays (16-bit file numbers, 32-bit counts) and
 * widens them when a value does not fit: the id rules of spec/inputs.md must hold past those bounds.
 */
import { describe, expect, it } from "vitest";
import { IncidentAccumulator } from "../../../src/ingest/incident-accumulator.ts";
import { newFileReport, record } from "../../../src/ingest/tally.ts";

const T = Date.parse("2024-03-01T09:00:00Z");
const report = (i: number) => newFileReport(`data/polis-${i}.csv`, "0".repeat(64), "utf-8");

/** Adds a row the way a reader does: counted accepted first, as read-incidents-csv records it. */
function accepted(acc: IncidentAccumulator, r: ReturnType<typeof report>, id: string, count: number, instant = T): string {
  const outcome = acc.add(id, "centrum", "2024-03", "stold", instant, count);
  if (outcome === "accepted") record(r, "accepted", null, "2024-03");
  return outcome;
}

describe("IncidentAccumulator past its narrow arrays", () => {
  it("recognises a repeated row whose count is above 2³² − 1 as a duplicate, and sums it exactly", () => {
    const acc = new IncidentAccumulator();
    const a = report(0);
    acc.beginFile(a);
    expect(accepted(acc, a, "X1", 5_000_000_000)).toBe("accepted");
    expect(accepted(acc, a, "X2", 7)).toBe("accepted");
    const b = report(1);
    acc.beginFile(b);
    expect(accepted(acc, b, "X1", 5_000_000_000)).toBe("duplicate"); // same time, area, category, count
    expect(accepted(acc, b, "X2", 8)).toBe("accepted"); // a revision of X2
    // By hand: X1 counts 5 000 000 000 once, X2 counts its revised 8.
    expect([...acc.result("polis").counts]).toEqual([["centrum\t2024-03\tstold", 5_000_000_008]]);
  });

  it("tells a repeat within the 70 000th file from a revision of an id from the first file", () => {
    const acc = new IncidentAccumulator();
    const first = report(0);
    acc.beginFile(first);
    expect(accepted(acc, first, "A", 1)).toBe("accepted");
    let last = first;
    for (let i = 1; i < 70_000; i++) acc.beginFile((last = report(i)));
    expect(accepted(acc, last, "A", 1, T + 60_000)).toBe("accepted"); // revised: the first file's row is superseded
    expect(accepted(acc, last, "A", 1, T + 120_000)).toBe("duplicate_id"); // same id again in the same file
    expect(first.tally).toMatchObject({ accepted: 0, ignored: 1, ignored_by_reason: { superseded: 1 } });
    expect([...acc.result("polis").counts]).toEqual([["centrum\t2024-03\tstold", 1]]);
  });
});
