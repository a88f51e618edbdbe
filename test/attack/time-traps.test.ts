/**
 * Time traps (issue 8, spec/inputs.md "Time"), instants worked out by hand in UTC.
 * Decisions: a local time in the spring-forward gap (2024-03-31 02:30 does not exist in Stockholm) is
 * read with the offset in force before the switch, +01:00 (= 03:30 CEST), and kept; an ambiguous local
 * time in the autumn (2024-10-27 02:30 happens twice) is the second occurrence, +01:00. Either way the
 * month (what the report counts by) is the same, so neither is rejected.
 */
import { afterAll, describe, expect, it } from "vitest";
import { ingestSources } from "../../src/ingest/ingest-sources.ts";
import { incidentTime } from "../../src/ingest/text/parse-polisen-name.ts";
import { parseLocalTimestamp } from "../../src/core/parse-time.ts";
import { makeProject, NOW, POLIS_SOURCE } from "../fixtures/ingest/project.ts";

const TZ = "Europe/Stockholm";
const at = (iso: string) => Date.parse(iso);

describe("local times around the DST switches", () => {
  it("reads 2024-03-31 02:30 (in the spring gap) as 01:30 UTC, in March", () => {
    expect(parseLocalTimestamp("2024-03-31 02:30", TZ)).toEqual({ month: "2024-03", instant: at("2024-03-31T01:30:00Z"), day: 31 });
  });

  it("reads 2024-10-27 02:30 (twice that night) as its second occurrence, 01:30 UTC", () => {
    expect(parseLocalTimestamp("2024-10-27 02:30", TZ)).toEqual({ month: "2024-10", instant: at("2024-10-27T01:30:00Z"), day: 27 });
  });
});

describe("month ends in UTC versus Stockholm", () => {
  it.each([
    ["2024-03-31T22:30:00Z", "2024-04"], // 00:30 CEST on 1 April
    ["2024-04-30T21:59:59Z", "2024-04"], // 23:59:59 CEST
    ["2024-04-30T22:00:00Z", "2024-05"],
    ["2024-01-31 23:59:59+00:00", "2024-02"], // 00:59:59 CET on 1 February
    ["2023-12-31T23:00:00Z", "2024-01"],
    ["2024-12-31T22:59:59Z", "2024-12"],
  ])("%s is in %s", (text, month) => {
    expect(parseLocalTimestamp(text, TZ)?.month).toBe(month);
  });
});

describe("leap days and far dates", () => {
  it("accepts 2024-02-29 and refuses 2023-02-29", () => {
    expect(parseLocalTimestamp("2024-02-29", TZ)?.month).toBe("2024-02");
    expect(parseLocalTimestamp("2023-02-29", TZ)).toBeNull();
  });

  it("reads 1970-01-01 local as one hour before the epoch", () => {
    expect(parseLocalTimestamp("1970-01-01", TZ)).toEqual({ month: "1970-01", instant: -3_600_000, day: 1 });
  });

  it("places a police event published 2 January about 31 December in the previous year", () => {
    expect(incidentTime("31 december 23.50, Stöld, Söderhamn", "2024-01-02 09:00:00 +01:00", TZ)).toEqual({
      month: "2023-12",
      instant: at("2023-12-31T22:50:00Z"),
      day: 31,
    });
  });
});

describe("the reader's outcome for each trap", () => {
  const project = makeProject(POLIS_SOURCE);
  afterAll(() => project.cleanup());

  it("counts DST, leap-day, 1970, 2100 and future rows into the right outcome and month", async () => {
    project.write(
      "polis-1.csv",
      [
        "Datum;Brottstyp;Område",
        "2024-03-31 02:30;Stöld;Centrum", // gap: accepted, March
        "2024-02-29;Stöld;Centrum", // leap day: accepted, February
        "2023-02-29;Stöld;Centrum", // bad_date
        "1970-01-01;Stöld;Centrum", // accepted, 1970-01
        "2100-01-01;Stöld;Centrum", // future_date (NOW is 2024-04-02 06:00 Stockholm)
        "2024-04-02 06:00:01;Stöld;Centrum", // one second after NOW: future_date
        "2024-04-02 06:00;Stöld;Centrum", // exactly NOW: accepted, April
      ].join("\n"),
    );
    const file = (await ingestSources(project.config, { now: NOW, quarantine: false })).incidents[0]!.files[0]!;
    expect(file.tally).toMatchObject({ read: 7, accepted: 4, rejected: 3, rejected_by_reason: { bad_date: 1, future_date: 2 } });
    expect(Object.keys(file.by_month).sort()).toEqual(["1970-01", "2024-02", "2024-03", "2024-04", "2100-01", "undated"]);
    expect(file.by_month["2100-01"]).toMatchObject({ rejected: 1 });
  });
});
