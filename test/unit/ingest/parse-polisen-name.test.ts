import { describe, expect, it } from "vitest";
import { incidentTime, kommunOfName, normaliseDatetime, parseNameDate } from "../../../src/ingest/text/parse-polisen-name.ts";

const TZ = "Europe/Stockholm";

describe("parse-polisen-name", () => {
  it("reads day, month and HH.MM from the headline", () => {
    expect(parseNameDate("5 mars 21.40, Misshandel, Söderhamn")).toEqual({ day: 5, month: 3, hour: 21, minute: 40 });
  });

  it("reads the older HH:MM form with a zero-padded day", () => {
    expect(parseNameDate("05 april 02:31, Stöld, Gävle")).toEqual({ day: 5, month: 4, hour: 2, minute: 31 });
  });

  it("takes the kommun after the last comma, since a type may hold commas", () => {
    expect(kommunOfName("12 maj 10.05, Trafikolycka, personskada, Sundsvall")).toBe("Sundsvall");
  });

  it("pads the unpadded hour of datetime", () => {
    expect(normaliseDatetime("2026-05-03 9:48:12 +02:00")?.text).toBe("2026-05-03 09:48:12+02:00");
  });

  it("places the incident in the year of datetime, at the headline's local time", () => {
    // 31 March 23.30 local is still March although datetime is published in April.
    expect(incidentTime("31 mars 23.30, Brand, Sundsvall", "2024-04-01 0:15:00 +02:00", TZ)?.month).toBe("2024-03");
  });

  it("puts a December date published in January in the previous year", () => {
    expect(incidentTime("31 december 23.50, Brand, Gävle", "2025-01-01 0:12:00 +01:00", TZ)?.month).toBe("2024-12");
  });

  it("keeps a December date published in December in the same year", () => {
    expect(incidentTime("30 december 10.00, Brand, Gävle", "2024-12-30 11:00:00 +01:00", TZ)?.month).toBe("2024-12");
  });

  it("falls back to datetime when the headline has no date", () => {
    const t = incidentTime("Trafikolycka, Söderhamn", "2024-02-29 9:05:00 +01:00", TZ);
    expect(t?.month).toBe("2024-02");
    expect(t?.instant).toBe(Date.parse("2024-02-29T08:05:00Z"));
  });

  it("gives null for a day that does not exist", () => {
    expect(incidentTime("30 februari 10.00, Brand, Gävle", "2024-03-01 10:00:00 +01:00", TZ)).toBeNull();
  });

  it("gives null when neither name nor datetime has a date", () => {
    expect(incidentTime("Brand, Gävle", "igår", TZ)).toBeNull();
  });
});
