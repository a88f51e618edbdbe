import { afterEach, describe, expect, it } from "vitest";
import { LagesbildError } from "../../../src/core/errors.ts";
import { ingestSources } from "../../../src/ingest/ingest-sources.ts";
import { isBalanced } from "../../../src/ingest/tally.ts";
import { makeProject, NOW, type TestProject } from "../../fixtures/ingest/project.ts";

let project: TestProject | null = null;
afterEach(() => {
  project?.cleanup();
  project = null;
});

const SOURCE = `
  - id: handelser
    kind: incidents
    format: polisen-events
    path: ../data/events/*.json
    categories: { Misshandel: misshandel, Stöld: stold, Skadegörelse: skadegorelse, "Larm inbrott": stold }
    ignore: [Trafikolycka]
`;

/** An event object exactly as the API writes it (7 keys, gps a "lat,lon" string). */
function ev(id: number, name: string, type: string, datetime: string, summary = "Händelse.", location = "Gävleborgs län") {
  return { id, datetime, name, summary, url: `/aktuellt/handelser/${id}/`, type, location: { name: location, gps: "61.301199,16.153421" } };
}
/** As saved from the API: a JSON array, indent 2, UTF-8, non-ASCII literal. */
const dump = (events: unknown[]) => `${JSON.stringify(events, null, 2)}\n`;

async function ingest(files: Record<string, string>) {
  project = makeProject(SOURCE);
  for (const [name, text] of Object.entries(files)) project.write(`events/${name}`, text);
  return (await ingestSources(project.config, { now: NOW, quarantine: false })).incidents[0]!;
}

describe("format: polisen-events", () => {
  it("counts an event of the config's kommun in the month of its headline", async () => {
    const data = await ingest({ "a.json": dump([ev(1, "5 mars 21.40, Misshandel, Söderhamn", "Misshandel", "2024-03-05 22:14:01 +01:00")]) });
    expect([...data.counts]).toEqual([["okant\t2024-03\tmisshandel", 1]]);
  });

  it("ignores events of other kommuner as other_kommun, even when location names the county", async () => {
    const data = await ingest({
      "a.json": dump([
        ev(1, "5 mars 21.40, Misshandel, Gävle", "Misshandel", "2024-03-05 22:14:01 +01:00"),
        ev(2, "6 mars 10.00, Stöld, Gävleborgs län", "Stöld", "2024-03-06 11:00:00 +01:00", "Stöld.", "Söderhamn"),
      ]),
    });
    expect(data.files[0]!.tally.ignored_by_reason).toEqual({ other_kommun: 2 });
    expect(data.counts.size).toBe(0);
  });

  it("matches the kommun case- and space-insensitively", async () => {
    const data = await ingest({ "a.json": dump([ev(1, "5 mars 21.40, Stöld,  SÖDERHAMN ", "Stöld", "2024-03-05 22:14:01 +01:00")]) });
    expect(data.files[0]!.tally.accepted).toBe(1);
  });

  it("ignores Sammanfattning types as summary_event without needing them in ignore", async () => {
    const data = await ingest({ "a.json": dump([ev(1, "5 mars 06.00, Sammanfattning natt, Söderhamn", "Sammanfattning natt", "2024-03-05 06:14:01 +01:00")]) });
    expect(data.files[0]!.tally.ignored_by_reason).toEqual({ summary_event: 1 });
  });

  it("ignores a republished incident (same name and type, new id) as duplicate", async () => {
    const name = "12 november 03.29, Skadegörelse, Söderhamn";
    const data = await ingest({
      "a.json": dump([
        ev(612485, name, "Skadegörelse", "2023-11-12 5:10:00 +01:00", "Ny text."),
        ev(612474, name, "Skadegörelse", "2023-11-12 4:00:00 +01:00", "Gammal text."),
      ]),
    });
    expect(data.files[0]!.tally).toMatchObject({ accepted: 1, ignored: 1, ignored_by_reason: { duplicate: 1 } });
    expect(data.counts.get("okant\t2023-11\tskadegorelse")).toBe(1);
  });

  it("keeps the same headline a year later as another incident: the duplicate key holds the incident year", async () => {
    // Issue 13: "03 september 15.55, Trafikolycka, personskada, Stockholm" in 2024 and in 2025 were two accidents.
    const name = "03 september 15.55, Misshandel, Söderhamn";
    const data = await ingest({
      "a.json": dump([
        ev(500001, name, "Misshandel", "2022-09-03 16:20:00 +02:00"),
        ev(600001, name, "Misshandel", "2023-09-03 16:40:00 +02:00"),
        ev(600002, name, "Misshandel", "2023-09-03 17:05:00 +02:00"), // the 2023 one republished: a duplicate
      ]),
    });
    expect(data.files[0]!.tally).toMatchObject({ accepted: 2, ignored: 1, ignored_by_reason: { duplicate: 1 } });
    expect(data.counts.get("okant\t2022-09\tmisshandel")).toBe(1);
    expect(data.counts.get("okant\t2023-09\tmisshandel")).toBe(1);
  });

  it("records the local days of every dated event, of any kommun or outcome, for coverage", async () => {
    const data = await ingest({
      "a.json": dump([
        ev(1, "1 mars 08.00, Stöld, Gävle", "Stöld", "2024-03-01 08:30:00 +01:00"), // other kommun: ignored, still dated
        ev(2, "10 mars 12.00, Misshandel, Söderhamn", "Misshandel", "2024-03-10 12:30:00 +01:00"),
        ev(3, "30 mars 23.10, Brand, Sandviken", "Brand", "2024-03-30 23:40:00 +01:00"), // other kommun
        ev(4, "31 mars 09.00, Okänd typ, Söderhamn", "Okänd typ", "2024-03-31 09:30:00 +02:00"), // rejected unknown_category, still dated
        ev(5, "Inget datum, Stöld, Söderhamn", "Stöld", "inte ett datum"), // bad_date: not dated
        ev(6, "5 april 10.00, Stöld, Söderhamn", "Stöld", "2024-04-05 10:30:00 +02:00"), // future_date (NOW is 2 April): not dated
      ]),
    });
    expect(data.files[0]!.dated).toEqual({ "2024-03": [1, 31] });
  });

  it("counts an event repeated with the same id in a later export once", async () => {
    const e = ev(7, "5 mars 21.40, Stöld, Söderhamn", "Stöld", "2024-03-05 22:14:01 +01:00");
    const data = await ingest({ "events-1.json": dump([e]), "events-2.json": dump([e]) });
    expect(data.files[1]!.tally.ignored_by_reason).toEqual({ duplicate: 1 });
    expect(data.counts.get("okant\t2024-03\tstold")).toBe(1);
  });

  it("replaces an event edited in a later export (same id, new type): the earlier becomes superseded", async () => {
    const data = await ingest({
      "events-1.json": dump([ev(7, "5 mars 21.40, Stöld, Söderhamn", "Stöld", "2024-03-05 22:14:01 +01:00")]),
      "events-2.json": dump([ev(7, "5 mars 21.40, Skadegörelse, Söderhamn", "Skadegörelse", "2024-03-05 23:00:00 +01:00")]),
    });
    expect(data.files[0]!.tally.ignored_by_reason).toEqual({ superseded: 1 });
    expect([...data.counts]).toEqual([["okant\t2024-03\tskadegorelse", 1]]);
  });

  it("takes the area from the summary's first phrase when it is an area alias", async () => {
    const data = await ingest({
      "a.json": dump([
        ev(1, "5 mars 21.40, Misshandel, Söderhamn", "Misshandel", "2024-03-05 22:14:01 +01:00", "Stenstan, en man misshandlades."),
        ev(2, "6 mars 21.40, Misshandel, Söderhamn", "Misshandel", "2024-03-06 22:14:01 +01:00", "Ljusne. Bråk utanför affären."),
        ev(3, "7 mars 21.40, Misshandel, Söderhamn", "Misshandel", "2024-03-07 22:14:01 +01:00", "En man misshandlades i Ljusne."),
      ]),
    });
    expect(data.counts.get("centrum\t2024-03\tmisshandel")).toBe(1);
    expect(data.counts.get("ljusne\t2024-03\tmisshandel")).toBe(1);
    expect(data.counts.get("okant\t2024-03\tmisshandel")).toBe(1);
  });

  it("maps types after normalising case and double or trailing spaces", async () => {
    const data = await ingest({ "a.json": dump([ev(1, "5 mars 21.40, Larm Inbrott, Söderhamn", "Larm  Inbrott ", "2024-03-05 22:14:01 +01:00")]) });
    expect(data.counts.get("okant\t2024-03\tstold")).toBe(1);
  });

  it("ignores types on the ignore list and rejects unknown types with the config key to add them under", async () => {
    const data = await ingest({
      "a.json": dump([
        ev(1, "5 mars 21.40, Trafikolycka, Söderhamn", "Trafikolycka", "2024-03-05 22:14:01 +01:00"),
        ev(2, "6 mars 21.40, Rån, Söderhamn", "Rån", "2024-03-06 22:14:01 +01:00"),
      ]),
    });
    const f = data.files[0]!;
    expect(f.tally.ignored_by_reason).toEqual({ ignore_list: 1 });
    expect(f.problems).toEqual([
      expect.objectContaining({ line: 2, reason: "unknown_category:Rån", message: expect.stringContaining("sources[0].categories") }),
    ]);
  });

  it("rejects an event without a usable date as bad_date at its position in the array", async () => {
    const data = await ingest({
      "a.json": dump([
        ev(1, "5 mars 21.40, Stöld, Söderhamn", "Stöld", "2024-03-05 22:14:01 +01:00"),
        ev(2, "31 april 21.40, Stöld, Söderhamn", "Stöld", "2024-05-01 22:14:01 +02:00"),
      ]),
    });
    expect(data.files[0]!.problems.map((p) => [p.line, p.reason])).toEqual([[2, "bad_date"]]);
    expect(isBalanced(data.files[0]!.tally)).toBe(true);
  });

  it("rejects an event after generated-at as future_date", async () => {
    const data = await ingest({ "a.json": dump([ev(1, "5 maj 21.40, Stöld, Söderhamn", "Stöld", "2024-05-05 22:14:01 +02:00")]) });
    expect(data.files[0]!.tally.rejected_by_reason).toEqual({ future_date: 1 });
  });

  it("fails with a clear unreadable_file error (exit 1) on truncated JSON, never a crash", async () => {
    const text = dump([ev(1, "5 mars 21.40, Stöld, Söderhamn", "Stöld", "2024-03-05 22:14:01 +01:00")]);
    const error = await ingest({ "a.json": text.slice(0, 120) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LagesbildError);
    expect((error as LagesbildError).exitCode).toBe(1);
    expect((error as LagesbildError).message).toMatch(/^data\/events\/a\.json: Filen är inte giltig JSON/);
  });

  it("reports the byte position of a syntax error", async () => {
    const error = await ingest({ "a.json": '[{"id": 1, "name": x}]' }).catch((e: unknown) => e);
    expect((error as LagesbildError).message).toContain("fel vid byte 19");
  });

  it("refuses a JSON object that is not the API's array", async () => {
    const error = await ingest({ "a.json": '{"events": []}' }).catch((e: unknown) => e);
    expect((error as LagesbildError).message).toContain("inte en JSON-lista");
  });
});
