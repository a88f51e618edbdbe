/**
 * The survey, field-report and actions readers on real-format files (Windows-1252 bytes, semicolons,
 * decimal comma, CRLF), through ingestSources as a run reads them.
 */
import { afterEach, describe, expect, it } from "vitest";
import { isBalanced } from "../../../src/ingest/tally.ts";
import { extraRejectedShares } from "../../../src/aggregate/extra-rejected-share.ts";
import { ingestSources } from "../../../src/ingest/ingest-sources.ts";
import { excel1252, excelUtf8Bom, makeProject, NOW, POLIS_SOURCE, type TestProject } from "../../fixtures/ingest/project.ts";

let project: TestProject | null = null;
afterEach(() => {
  project?.cleanup();
  project = null;
});

const SURVEY_CONFIG = `
survey:
  indicators:
    - { id: problemindex_total, name: Problemindex, unit: index_0_6, bands: [{ max: 2, label: Låg }, { label: Hög }] }
    - { id: otrygg_kvall, name: Otrygg en kväll, unit: percent, question: "Hur trygg känner du dig ute sent en kväll?", yes: [Mycket otrygg, Ganska otrygg], exclude: [Vet ej, ""] }
`;

function withPolis(extra: string, sources: string) {
  project = makeProject(`${POLIS_SOURCE}${sources}`, extra);
  project.write("polis-2024.csv", excel1252(["Datum;Brottstyp;Område", "2024-03-01;Stöld;Centrum"]));
  return project;
}

describe("field reports", () => {
  const SOURCE = `
  - id: falt
    kind: field-reports
    path: ../data/falt/*.csv
    roles: { Fältare: faltassistent }
    activities: { Trygghetsvandring: trygghetsvandring, Riktad insats: riktad-insats }
`;
  const HEADER = "date;start;end;hours;area;role;activity;obs_ungdomar_samlade;obs_berusade;notes";

  it("takes shift length from start/end across midnight, or hours with a decimal comma", async () => {
    const p = withPolis("", SOURCE);
    p.write("falt/2024.csv", excel1252([
      HEADER,
      "2024-03-08;21:30;02:00;;Stenstan;Fältare;Trygghetsvandring;4;1;Pratade med gänget vid torget",
      "2024-03-09;;;2,5;Ljusne;Nattvandrare;;1;;",
      "2024-03-10;18:00;22:00;9;Ljusne;polis;Riktad insats;;;",
    ]));
    const r = await ingestSources(p.config, { now: NOW, quarantine: false });
    const field = r.field![0]!;
    expect(field.files[0]!.tally).toMatchObject({ read: 3, accepted: 3, rejected: 0 });
    // 21:30 → 02:00 is 4.5 h; start/end wins over hours (4 h, not 9).
    expect(field.cells).toEqual([
      { area: "centrum", month: "2024-03", hours: 4.5, shifts: 1, observations: { ungdomar_samlade: 4, berusade: 1 }, activities: { trygghetsvandring: 1 } },
      { area: "ljusne", month: "2024-03", hours: 6.5, shifts: 2, observations: { ungdomar_samlade: 1 }, activities: { "riktad-insats": 1 } },
    ]);
    expect(field.observationTypes).toEqual(["berusade", "ungdomar_samlade"]);
    expect(field.activityDays).toEqual([
      { activity: "riktad-insats", area: "ljusne", date: "2024-03-10" },
      { activity: "trygghetsvandring", area: "centrum", date: "2024-03-08" },
    ]);
  });

  it("counts a shift that ends after midnight on the 1st in the month of its date", async () => {
    const p = withPolis("", SOURCE);
    p.write("falt/2024.csv", excel1252([HEADER, "2024-02-29;22:00;01:00;;Ljusne;polis;;;;"]));
    const r = await ingestSources(p.config, { now: NOW, quarantine: false });
    expect(r.field![0]!.cells).toEqual([{ area: "ljusne", month: "2024-02", hours: 3, shifts: 1, observations: {}, activities: {} }]);
  });

  it("rejects rows by the spec's rules in order and keeps the accounting balanced", async () => {
    const p = withPolis("", SOURCE);
    p.write("falt/2024.csv", excel1252([
      HEADER,
      "2024-03-08;;;;Ljusne;polis;;;;", // no length
      "2024-13-01;;;2;Ljusne;polis;;;;",
      "2024-04-20;;;2;Ljusne;polis;;;;", // after NOW
      "2024-03-08;25:00;02:00;;Ljusne;polis;;;;",
      "2024-03-08;;;2;Ljusne;polis;;x;;",
      "2024-03-08;;;2;Ljusne;Brandman;;;;",
      "2024-03-08;;;2;Ljusne;polis;Fotboll;;;",
      ";;;;;;;;;",
      "2024-03-08;20:00;20:00;;Okänd plats;polis;;;;",
    ]));
    const r = await ingestSources(p.config, { now: NOW, quarantine: false });
    const t = r.field![0]!.files[0]!.tally;
    expect(t.rejected_by_reason).toEqual({
      "missing_field:hours": 1, bad_date: 1, future_date: 1, "bad_number:start": 1, "bad_number:obs_ungdomar_samlade": 1,
      "unknown_role:Brandman": 1, "unknown_activity:Fotboll": 1,
    });
    expect(t.ignored_by_reason).toEqual({ blank: 1 });
    expect(isBalanced(t)).toBe(true);
    // An unknown area is kept under okänt område; start = end is 0 hours with a warning.
    expect(r.field![0]!.cells).toEqual([{ area: "okant", month: "2024-03", hours: 0, shifts: 1, observations: {}, activities: {} }]);
    expect(r.warnings.some((w) => w.includes("1 pass har samma start- och sluttid") && w.includes("rad 10"))).toBe(true);
  });
});

describe("survey results", () => {
  const SOURCE = `
  - id: trygghetsmatning
    kind: survey
    format: survey-results
    path: ../data/enkat/*.csv
`;
  it("reads published figures with a decimal comma, defaulting published to December", async () => {
    const p = withPolis(SURVEY_CONFIG, SOURCE);
    p.write("enkat/resultat.csv", excel1252([
      "year;published;area;indicator;value;n",
      "2023;2024-02;;problemindex_total;1,62;412",
      "2022;;Stenstan;problemindex_total;2,4;",
      "2023;;;okand_indikator;1,0;10",
      "2023;;Storgatan 3;problemindex_total;1,0;10",
      "2023;;;problemindex_total;7,5;10",
      "2023;2024-02;;problemindex_total;1,70;412",
    ]));
    const r = await ingestSources(p.config, { now: NOW, quarantine: false });
    const s = r.surveys![0]!;
    expect(s.results).toEqual([
      { year: 2023, published: "2024-02", area: "kommun", indicator: "problemindex_total", value: 1.62, n: 412 },
      { year: 2022, published: "2022-12", area: "centrum", indicator: "problemindex_total", value: 2.4, n: null },
    ]);
    expect(s.files[0]!.tally.rejected_by_reason).toEqual({
      "unknown_indicator:okand_indikator": 1, "unknown_area:Storgatan 3": 1, "bad_number:value": 1, duplicate_id: 1,
    });
  });
});

describe("survey results suppressed at the source", () => {
  const SOURCE = `
  - id: trygghetsmatning
    kind: survey
    format: survey-results
    path: ../data/enkat/*.csv
`;
  it("ignores '..', 'XX', '–', 'x', '-' and empty values as suppressed_at_source, keeps them as figures without a value, and never fails the month", async () => {
    const p = withPolis(SURVEY_CONFIG, SOURCE);
    // As Brå's NTU and Kolada publish them. Windows-1252 writes the en dash as byte 0x96, which
    // latin1 (excel1252) cannot: the file's bytes are put together around it.
    const enDash = (b: Buffer) => Buffer.concat(b.toString("latin1").split("@").flatMap((part, i) => (i === 0 ? [Buffer.from(part, "latin1")] : [Buffer.from([0x96]), Buffer.from(part, "latin1")])));
    p.write("enkat/resultat.csv", enDash(excel1252([
      "year;published;area;indicator;value;n",
      "2023;;;problemindex_total;1,62;412",
      "2023;;Centrum;problemindex_total;..;",
      "2023;;Ljusne;problemindex_total;XX;",
      "2022;;Centrum;problemindex_total;@;4",
      "2022;;Ljusne;problemindex_total;x;",
      "2021;;Ljusne;problemindex_total;-;",
      "2021;;Centrum;problemindex_total;;",
      "2021;;;problemindex_total;abc;",
    ])));
    const r = await ingestSources(p.config, { now: NOW, quarantine: false });
    const s = r.surveys![0]!;
    const t = s.files[0]!.tally;
    expect(t).toMatchObject({ read: 8, accepted: 1, ignored: 6, rejected: 1 });
    expect(t.ignored_by_reason).toEqual({ suppressed_at_source: 6 });
    expect(t.rejected_by_reason).toEqual({ "bad_number:value": 1 });
    expect(isBalanced(t)).toBe(true);
    expect(s.results.filter((x) => x.value === null).map((x) => [x.year, x.area])).toEqual([
      [2023, "centrum"], [2023, "ljusne"], [2022, "centrum"], [2022, "ljusne"], [2021, "ljusne"], [2021, "centrum"],
    ]);
    expect(s.results.find((x) => x.year === 2022 && x.area === "centrum")?.n).toBe(4);
    // Only the unreadable "abc" counts against the month: 1 of 2 rows, under the 3 rows a failure needs.
    expect(extraRejectedShares(r, "2024-03").find((x) => x.sourceId === "trygghetsmatning")).toMatchObject({ rejected: 1, base: 2 });
  });
});

describe("survey responses", () => {
  const SOURCE = `
  - id: enkat-svar
    kind: survey
    format: survey-responses
    path: ../data/svar/*.csv
`;
  it("tallies counted answers among non-excluded ones per year and area, matched normalised", async () => {
    const p = withPolis(SURVEY_CONFIG, SOURCE);
    p.write("svar/2024.csv", excelUtf8Bom([
      "respondent_id,year,area,Hur trygg känner du dig ute sent en kväll?",
      "1,2024,Centrum,Mycket otrygg",
      "2,2024,Centrum,ganska  OTRYGG",
      "3,2024,Centrum,Ganska trygg",
      "4,2024,Centrum,Vet ej",
      "5,2024,,",
      "6,2024,Ljusne,Mycket trygg",
      "6,2024,Ljusne,Mycket otrygg",
      "7,24,Ljusne,Mycket trygg",
    ]));
    const r = await ingestSources(p.config, { now: NOW, quarantine: false });
    const s = r.surveys![0]!;
    expect(s.responses).toEqual([
      { year: 2024, area: "centrum", indicator: "otrygg_kvall", counted: 2, base: 3 },
      { year: 2024, area: "ljusne", indicator: "otrygg_kvall", counted: 0, base: 1 },
    ]);
    expect(s.files[0]!.tally).toMatchObject({ read: 8, accepted: 6, rejected: 2, rejected_by_reason: { duplicate_id: 1, bad_date: 1 } });
  });
});

describe("actions", () => {
  const SOURCE = `
  - id: atgardsplan
    kind: actions
    path: ../data/atgarder/*.csv
    statuses: { Klar: genomford }
`;
  it("keeps scrubbed texts and mapped statuses, rejecting unknown statuses", async () => {
    const p = withPolis("", SOURCE);
    p.write("atgarder/plan.csv", excel1252([
      "action_id;action;responsible;date;status;comment",
      "kamera;Kamerabevakning på Stora torget;polis;2024-01-15;Pågår;Kontakt: anna.andersson@example.se",
      "kamera;Kamerabevakning på Stora torget;polis;2024-03-01;Klar;",
      "belysning;Bättre belysning i gångtunneln;kommun;2024-02-01;Halvklar;",
    ]));
    const r = await ingestSources(p.config, { now: NOW, quarantine: false });
    const a = r.actions![0]!;
    expect(a.records.map((x) => [x.id, x.status, x.date, x.comment])).toEqual([
      ["kamera", "pagar", "2024-01-15", "Kontakt: [borttaget]"],
      ["kamera", "genomford", "2024-03-01", null],
    ]);
    expect(a.files[0]!.tally.rejected_by_reason).toEqual({ "unknown_status:Halvklar": 1 });
  });
});
