/**
 * Coverage of an archive built by polling (src/aggregate/poll-coverage.ts): the months its polls saw
 * whole, the bound on the data's coverage, and the gap notes, with instants worked out by hand
 * (Stockholm is UTC+2 in summer, UTC+1 in winter).
 */
import { describe, expect, it } from "vitest";
import { boundByPolls, gapDays, pollGapNotes } from "../../../src/aggregate/poll-coverage.ts";
import { polledMonths } from "../../../src/ingest/polled-archive.ts";

const TZ = "Europe/Stockholm";
const at = (s: string) => Date.parse(s);

describe("polledMonths", () => {
  it.each([
    // first answer from 31 May 23:00 local (21:00Z), last poll 1 July 00:10 local: June whole.
    ["2026-05-31T21:00:00Z", "2026-06-30T22:10:00Z", "2026-06", "2026-06"],
    // first answer from 1 June 00:00 local exactly: June counts from its first moment.
    ["2026-05-31T22:00:00Z", "2026-07-31T21:59:00Z", "2026-06", "2026-06"],
    // last poll at 31 July 23:59 local: July has not been seen to its end.
    ["2026-05-31T22:00:00Z", "2026-07-31T21:59:59Z", "2026-06", "2026-06"],
    // first answer 1 June 00:01 local: June is not whole, July is the first.
    ["2026-05-31T22:01:00Z", "2026-08-01T04:00:00Z", "2026-07", "2026-07"],
    // winter: 1 January 00:00 local is 31 December 23:00Z.
    ["2025-12-31T23:00:00Z", "2026-02-01T00:00:00Z", "2026-01", "2026-01"],
  ])("first answer from %s, last poll %s → %s..%s", (from, to, f, t) => {
    expect(polledMonths({ from: at(from), to: at(to), gaps: [] }, TZ)).toMatchObject({ from: f, to: t });
  });
});

describe("boundByPolls", () => {
  const polled = { from: "2026-06", to: "2026-07", gaps: [] };
  it("narrows the data's span to the polled months", () => {
    expect(boundByPolls({ from: "2026-05", to: "2026-08" }, polled, undefined)).toEqual({ from: "2026-06", to: "2026-07" });
  });
  it("never widens it", () => {
    expect(boundByPolls({ from: "2026-07", to: "2026-07" }, polled, undefined)).toEqual({ from: "2026-07", to: "2026-07" });
  });
  it("leaves a bound the config declares", () => {
    expect(boundByPolls({ from: "2026-05", to: "2026-08" }, polled, { to: "2026-08" })).toEqual({ from: "2026-06", to: "2026-08" });
  });
  it("does nothing for an archive not built by polling", () => {
    expect(boundByPolls({ from: "2026-05", to: "2026-08" }, undefined, undefined)).toEqual({ from: "2026-05", to: "2026-08" });
  });
});

describe("gap notes", () => {
  it.each([
    ["2026-08-03T06:00:00Z", "2026-08-05T09:00:00Z", "3–5 augusti"],
    ["2026-07-30T06:00:00Z", "2026-08-02T09:00:00Z", "30 juli–2 augusti"],
    ["2025-12-30T12:00:00Z", "2026-01-02T12:00:00Z", "30 december 2025–2 januari 2026"],
    ["2026-08-03T06:00:00Z", "2026-08-03T09:00:00Z", "3 augusti"],
    // 22:30Z on 3 August is 00:30 on the 4th in Stockholm.
    ["2026-08-03T22:30:00Z", "2026-08-05T09:00:00Z", "4–5 augusti"],
  ])("%s..%s reads %s", (from, to, text) => {
    expect(gapDays({ from: at(from), to: at(to) }, TZ)).toBe(text);
  });

  it("notes a gap in the months it overlaps, and only there", () => {
    const polled = { from: "2026-06", to: "2026-09", gaps: [{ from: at("2026-07-30T06:00:00Z"), to: at("2026-08-02T09:00:00Z") }] };
    expect(pollGapNotes("polisen", polled, "2026-06", TZ)).toEqual([]);
    expect(pollGapNotes("polisen", polled, "2026-07", TZ)[0]).toMatch(/^Källan polisen: polisens händelser saknas 30 juli–2 augusti \(/);
    expect(pollGapNotes("polisen", polled, "2026-08", TZ)).toHaveLength(1);
    expect(pollGapNotes("polisen", polled, "2026-09", TZ)).toEqual([]);
  });
});
