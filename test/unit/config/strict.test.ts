/**
 * Config strictness (spec/cli.md, issue 13): unknown keys at every level, `columns` keys that are not a
 * column role of the format, and role/status values outside the fixed sets are errors (exit 2) that
 * name the key path and `lagesbild.yaml:LINE:COL`, all in one report.
 */
import { describe, expect, it } from "vitest";
import { COLUMN_ROLES, ROLE_IDS, STATUS_IDS } from "../../../src/config/fixed-keys.ts";
import { parseConfig } from "../../../src/config/load-config.ts";
import { LagesbildError } from "../../../src/core/errors.ts";
import { ACTION_COLUMNS } from "../../../src/ingest/formats/read-actions.ts";
import { AGGREGATED_COLUMNS } from "../../../src/ingest/formats/read-aggregated-csv.ts";
import { FIELD_COLUMNS } from "../../../src/ingest/formats/read-field-reports.ts";
import { INCIDENT_COLUMNS } from "../../../src/ingest/formats/read-incidents-csv.ts";
import { SURVEY_RESPONSE_COLUMNS } from "../../../src/ingest/formats/read-survey-responses.ts";
import { SURVEY_RESULT_COLUMNS } from "../../../src/ingest/formats/read-survey-results.ts";
import { ROLE_IDS as INGEST_ROLES, STATUS_IDS as INGEST_STATUSES } from "../../../src/ingest/text/default-label-maps.ts";

function errorOf(text: string): LagesbildError {
  try {
    parseConfig(text, "config/lagesbild.yaml");
  } catch (e) {
    if (e instanceof LagesbildError) return e;
    throw e;
  }
  throw new Error("the config was accepted");
}

// Line 1 is "kommun: …" (no leading newline), so the line numbers below are the file's own.
const HEAD = `kommun: { name: Testby, code: "0001" }
areas:
  - { id: centrum, name: Centrum }
categories:
  - { id: stold, name: Stöld, group: egendom }
sources:
`;

describe("unknown keys and fixed maps", () => {
  it("reports every typo at once, each at its key", () => {
    const e = errorOf(`${HEAD}  - id: polis
    kind: incidents
    path: ../data/*.csv
    columns: { occurred_at: Datum, category: Brottstyp, cuont: Antal }
    categories: { Stöld: stold }
    requird: true
reference:
  - { name: Riket, year: 2024, per_100k: { stold: 1.0, stolt: 2.0 } }
`);
    expect(e.exitCode).toBe(2);
    const lines = e.message.split("\n");
    // "    columns: { " is 15 characters; "occurred_at: Datum, " 20 and "category: Brottstyp, " 21: cuont at 57.
    expect(lines).toContain("config/lagesbild.yaml:12:5: sources[0].requird: okänd nyckel requird (stavfel?)");
    expect(lines.some((l) => l.startsWith("config/lagesbild.yaml:10:57: sources[0].columns.cuont: okänd kolumnroll cuont"))).toBe(true);
  });

  it("shows a cross-check error (a per_100k key that is no category) at its key", () => {
    const e = errorOf(`${HEAD}  - { id: polis, kind: incidents, path: ../data/*.csv, categories: { Stöld: stold } }
reference:
  - { name: Riket, year: 2024, per_100k: { stold: 1.0, stolt: 2.0 } }
`);
    // line 9; "  - { name: Riket, year: 2024, per_100k: { stold: 1.0, " is 55 characters: stolt at 56
    expect(e.message).toContain("config/lagesbild.yaml:9:56: reference[0].per_100k.stolt: okänd kategori");
  });

  it("shows a bad value at the value and a missing key at its parent", () => {
    const e = errorOf(`${HEAD}  - { id: polis, kind: incidents, categories: { Stöld: stold } }
max_rejected_share: 2
`);
    expect(e.message).toContain("config/lagesbild.yaml:8:21: max_rejected_share:");
    // the missing key is shown at its parent, the list item that starts with "{" in column 5
    expect(e.message).toContain("config/lagesbild.yaml:7:5: sources[0].path:");
  });

  it.each([
    ["polisen-events has no columns to rename", "format: polisen-events, columns: { area: Plats }", "okänd kolumnroll area (stavfel?): formatet har inga kolumner att byta namn på"],
    ["aggregated-csv has no id", "format: aggregated-csv, columns: { id: Nr }", "okänd kolumnroll id"],
  ])("%s", (_name, extra, expected) => {
    const e = errorOf(`${HEAD}  - { id: polis, kind: incidents, ${extra}, path: ../data/*.csv, categories: { Stöld: stold } }\n`);
    expect(e.message).toContain(expected);
  });

  it("refuses a role or status value outside the fixed sets", () => {
    const e = errorOf(`${HEAD}  - { id: polis, kind: incidents, path: ../data/*.csv, categories: { Stöld: stold } }
  - { id: falt, kind: field-reports, path: ../f/*.csv, roles: { Fältare: faltasistent } }
  - { id: plan, kind: actions, path: ../a/*.csv, statuses: { Klar: genomförd } }
`);
    expect(e.message).toContain("sources[1].roles.Fältare: okänt värde faltasistent (stavfel?)");
    expect(e.message).toContain("sources[2].statuses.Klar: okänt värde genomförd (stavfel?)");
  });

  it("accepts every column role of each format", () => {
    expect(() => parseConfig(`${HEAD}  - id: polis
    kind: incidents
    measure: brott
    path: ../data/*.csv
    columns: { occurred_at: Datum, category: Typ, id: Nr, area: Område, count: Antal, place: Plats, description: Text, lat: Lat, lon: Lon }
    categories: { Stöld: stold }
`, "config/lagesbild.yaml")).not.toThrow();
  });
});

describe("the fixed sets match the readers", () => {
  it.each([
    ["incidents/csv", [...INCIDENT_COLUMNS, "lat", "lon", "x", "y"]],
    ["incidents/aggregated-csv", AGGREGATED_COLUMNS],
    ["survey/survey-results", SURVEY_RESULT_COLUMNS],
    ["survey/survey-responses", SURVEY_RESPONSE_COLUMNS],
    ["field-reports/", FIELD_COLUMNS],
    ["actions/", ACTION_COLUMNS],
  ])("%s", (key, columns) => {
    expect(COLUMN_ROLES[key]).toEqual([...columns]);
  });

  it("roles and statuses", () => {
    expect(INGEST_ROLES).toBe(ROLE_IDS);
    expect(INGEST_STATUSES).toBe(STATUS_IDS);
  });
});
