/**
 * One throw-away project per input format for the attack suites: a config whose only variable file is
 * `data/<format dir>/x.<ext>`, plus a small valid police CSV (every category must be mapped by some
 * source). `seed` is a realistic valid file of the format that mutations start from.
 */
import { BASE_CONFIG, makeProject, POLIS_SOURCE, type TestProject } from "../fixtures/ingest/project.ts";

export interface FormatCase {
  name: string;
  /** File name under data/ the source's glob matches. */
  file: string;
  sourceYaml: string;
  extraYaml?: string;
  /** The police CSV source, when the format's own categories must not be the police export's. */
  polisYaml?: string;
  /** A valid file of the format (UTF-8 text). */
  seed: string;
  /** True for JSON: a file-level LagesbildError is the spec's answer to bytes that are not a JSON array. */
  json?: boolean;
}

const SURVEY_EXTRA = `
survey:
  indicators:
    - { id: problemindex_total, name: Problemindex, unit: index_0_6 }
    - { id: otrygg_kvall, name: Otrygg en kväll, unit: percent, question: "Otrygg kväll", yes: [Ja], exclude: [Vet ej, ""] }
`;

export const FORMATS: FormatCase[] = [
  {
    name: "incidents csv",
    file: "polis-fuzz.csv",
    sourceYaml: "",
    seed: [
      "Datum;Brottstyp;Område;Diarienummer;Antal;place;description",
      '2024-03-01 22:10;Stöld;Centrum;A1;1;Storgatan 1;"Cykel, stulen ""igen"""',
      "2024-03-02;Misshandel;Ljusne;A2;2;;",
      '2024-03-03T08:00:00+01:00;Skadegörelse;Stenstan;A3;;"rad\nbrytning";x',
      "Summa;;;;3;;",
    ].join("\r\n"),
  },
  {
    name: "aggregated-csv",
    file: "agg/bra.csv",
    sourceYaml: `
  - id: bra
    kind: incidents
    measure: brott
    format: aggregated-csv
    path: ../data/agg/*.csv
    categories: { Stöld: stold, Misshandel: misshandel }
    required: false
`,
    seed: ["period;category;count;area", "2024-03;Stöld;12;Centrum", "mars 2024;Misshandel;1 204;", "2024M02;Stöld;3;Ljusne"].join("\n"),
  },
  {
    name: "polisen-events",
    file: "events/e.json",
    json: true,
    // Event notices are another measure than reported crimes, so they feed their own categories
    // (spec/cli.md "Measures"): the police export keeps only skadegörelse here.
    polisYaml: POLIS_SOURCE.replace(/categories: .*\n/, "categories: { Skadegörelse: skadegorelse }\n").replace(
      'ignore: [Trafikolycka, "Sammanfattning *"]',
      'ignore: [Trafikolycka, "Sammanfattning *", Stöld, "Misshandel*"]',
    ),
    sourceYaml: `
  - id: handelser
    kind: incidents
    format: polisen-events
    path: ../data/events/*.json
    categories: { Misshandel: misshandel, Stöld: stold }
    required: false
`,
    seed: JSON.stringify(
      [
        { id: 1, datetime: "2024-03-05 22:14:01 +01:00", name: "5 mars 21.40, Misshandel, Söderhamn", summary: "Centrum, en man.", url: "/x/1", type: "Misshandel", location: { name: "Söderhamn", gps: "61.3,17.06" } },
        { id: 2, datetime: "2024-01-02 09:00:00 +01:00", name: "31 december 23:50, Stöld, Söderhamn", summary: "Ljusne.", url: "/x/2", type: "Stöld", location: { name: "Söderhamn", gps: "61.3,17.06" } },
        { id: 3, datetime: "2024-03-06 10:00:00 +01:00", name: "Sammanfattning natt, Söderhamn", summary: "", url: "/x/3", type: "Sammanfattning natt", location: { name: "Söderhamn", gps: "61.3,17.06" } },
      ],
      null,
      2,
    ),
  },
  {
    name: "survey-results",
    file: "survey/res.csv",
    extraYaml: SURVEY_EXTRA,
    sourceYaml: `
  - id: enkat
    kind: survey
    format: survey-results
    path: ../data/survey/*.csv
`,
    seed: ["year;published;area;indicator;value;n", "2023;2024-01;;problemindex_total;1,62;412", "2023;;Centrum;problemindex_total;2,1;80"].join("\r\n"),
  },
  {
    name: "survey-responses",
    file: "svar/svar.csv",
    extraYaml: SURVEY_EXTRA,
    sourceYaml: `
  - id: svar
    kind: survey
    format: survey-responses
    path: ../data/svar/*.csv
`,
    seed: ["respondent_id;year;area;Otrygg kväll;fritext", "r1;2023;Centrum;Ja;bra", "r2;2023;Ljusne;Vet ej;", "r3;2023;;Nej;x"].join("\r\n"),
  },
  {
    name: "field-reports",
    file: "falt/f.csv",
    sourceYaml: `
  - id: falt
    kind: field-reports
    path: ../data/falt/*.csv
    roles: { Fältare: faltassistent }
`,
    seed: [
      "date;start;end;hours;area;role;activity;obs_berusade;notes",
      "2024-03-01;22:00;01:30;;Centrum;Fältare;trygghetsvandring;2;lugnt",
      "2024-03-02;;;3,5;Ljusne;polis;;0;",
    ].join("\r\n"),
  },
  {
    name: "actions",
    file: "plan/p.csv",
    sourceYaml: `
  - id: plan
    kind: actions
    path: ../data/plan/*.csv
`,
    seed: ["action_id;action;responsible;date;status;comment", "a1;Belysning i parken;kommun;2024-02-01;pagar;Offert begärd", "a1;Belysning i parken;kommun;2024-03-10;genomford;Klar"].join("\r\n"),
  },
];

/** A project for one format, with the valid police file already in place. */
export function formatProject(f: FormatCase): TestProject {
  const p = makeProject(`${f.polisYaml ?? POLIS_SOURCE}${f.sourceYaml}`, f.extraYaml ?? "");
  p.write("polis-2024.csv", "Datum;Brottstyp;Område\n2024-03-01;Stöld;Centrum\n");
  return p;
}

export { BASE_CONFIG };
