/**
 * Merging one API answer into the archive (src/fetch/merge-events.ts), on hand-made events whose
 * outcome is worked out in each case: ids filed once, first/last seen, an edit keeping its history.
 */
import { describe, expect, it } from "vitest";
import { type ArchivedEvent, mergeAnswer, serialiseMonth } from "../../../src/fetch/merge-events.ts";

const ev = (id: number, summary = "Centrum, en man gripen.", name = "5 augusti 21.40, Misshandel, Söderhamn") => ({
  id,
  datetime: "2026-08-05 22:14:01 +02:00",
  name,
  summary,
  url: `/aktuellt/handelser/${id}/`,
  type: "Misshandel",
  location: { name: "Gävleborgs län", gps: "61.3,17.0" },
});
const T1 = "2026-08-05T20:30:00Z";
const T2 = "2026-08-05T21:00:00Z";
const byName = () => "2026-08";

describe("mergeAnswer", () => {
  it("files new events once, sorted by id, with first and last seen at the poll", () => {
    const r = mergeAnswer(new Map(), [ev(3), ev(1), ev(2)], T1, byName);
    expect(r.added).toBe(3);
    expect(r.changedMonths.get("2026-08")!.map((e) => e.id)).toEqual([1, 2, 3]);
    expect(r.changedMonths.get("2026-08")![0]!._lagesbild).toEqual({ first_seen: T1, last_seen: T1 });
  });

  it("moves last seen on for an unchanged event and counts it unchanged, even with its keys re-ordered", () => {
    const first = mergeAnswer(new Map(), [ev(1)], T1, byName).changedMonths;
    const { id, ...rest } = ev(1);
    const reordered = { ...rest, id };
    const r = mergeAnswer(first, [reordered], T2, byName);
    expect([r.added, r.edited, r.unchanged]).toEqual([0, 0, 1]);
    expect(r.changedMonths.get("2026-08")![0]!._lagesbild).toEqual({ first_seen: T1, last_seen: T2 });
  });

  it("keeps the latest version of an edited event and the earlier one in its history", () => {
    const first = mergeAnswer(new Map(), [ev(1)], T1, byName).changedMonths;
    const r = mergeAnswer(first, [ev(1, "Centrum, två män gripna.")], T2, byName);
    expect(r.edited).toBe(1);
    const e = r.changedMonths.get("2026-08")![0]!;
    expect(e.summary).toBe("Centrum, två män gripna.");
    expect(e._lagesbild).toEqual({ first_seen: T1, last_seen: T2, history: [{ last_seen: T1, event: ev(1) }] });
  });

  it("leaves an event in the month file it was first filed under when an edit changes its date", () => {
    const first = mergeAnswer(new Map(), [ev(1)], T1, byName).changedMonths;
    const r = mergeAnswer(first, [ev(1, undefined, "1 september 00.10, Misshandel, Söderhamn")], T2, () => "2026-09");
    expect([...r.changedMonths.keys()]).toEqual(["2026-08"]);
  });

  it("uses the first of an id repeated within one answer and says so", () => {
    const r = mergeAnswer(new Map(), [ev(1, "a"), ev(1, "b")], T1, byName);
    expect(r.repeatedInAnswer).toBe(1);
    expect(r.changedMonths.get("2026-08")!.map((e) => e.summary)).toEqual(["a"]);
  });

  it("rewrites only the month files the answer touches", () => {
    const archive = new Map<string, ArchivedEvent[]>([["2026-07", [{ ...ev(9), _lagesbild: { first_seen: T1, last_seen: T1 } }]]]);
    const r = mergeAnswer(archive, [ev(10)], T2, byName);
    expect([...r.changedMonths.keys()]).toEqual(["2026-08"]);
  });

  it("writes one event per line, å ä ö as they are, and an array JSON.parse reads back", () => {
    const events = mergeAnswer(new Map(), [ev(2), ev(1)], T1, byName).changedMonths.get("2026-08")!;
    const text = serialiseMonth(events);
    expect(text.split("\n")).toHaveLength(5); // "[", two events, "]", ""
    expect(text).toContain("Söderhamn");
    expect(JSON.parse(text).map((e: { id: number }) => e.id)).toEqual([1, 2]);
  });
});
