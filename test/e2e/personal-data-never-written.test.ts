/**
 * Personal data planted in every free-text field of a run's inputs (incident `place`/`description`,
 * field-report `notes`, action `comment`, a survey free-text column), on accepted rows and on rows that
 * get rejected, must not reach any file the run writes: the reports folder, the quarantine, the cache,
 * or the run's stdout/stderr (spec/inputs.md "Scrubbing"; spec/README.md non-negotiable 3).
 */
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, type CliResult } from "../helpers/run-cli.ts";
import { tempProject } from "../helpers/temp-project.ts";

/** Each planted value, and the digits-only / compact forms a leak might take. */
const PLANTED = [
  "19850312-1234",
  "850312-1234",
  "850372-1234", // samordningsnummer
  "070-123 45 67",
  "+46 70 123 45 67",
  "08-123 456 78",
  "anna.andersson@example.se",
  "ABC 123",
  "ABC 12A",
];
const LEAK_FORMS = [...PLANTED, "198503121234", "8503121234", "8503721234", "0701234567", "46701234567", "0812345678", "ABC123", "ABC12A", "anna.andersson"];
const TEXT = (tag: string) =>
  `${tag}: Anna 19850312-1234 (även 850312-1234, samord. 850372-1234) ring 070-123 45 67 / +46 70 123 45 67 / 08-123 456 78, anna.andersson@example.se, bil ABC 123 och ABC 12A`;

const CONFIG = `
kommun: { name: Testby, code: "0001" }
max_rejected_share: 0.9
areas:
  - { id: centrum, name: Centrum }
categories:
  - { id: skadegorelse, name: Skadegörelse, group: egendom }
sources:
  - id: polis
    kind: incidents
    measure: brott
    path: ../data/polis.csv
    categories: { Skadegörelse: skadegorelse }
    unknown_area: reject
    covers: { from: 2024-02, to: 2024-03 }   # a few planted rows: declared complete
  - id: falt
    kind: field-reports
    path: ../data/falt.csv
  - id: plan
    kind: actions
    path: ../data/plan.csv
  - id: enkat
    kind: survey
    format: survey-responses
    path: ../data/svar.csv
survey:
  indicators:
    - { id: otrygg, name: Otrygg, unit: percent, question: Otrygg, yes: [Ja], exclude: [""] }
promises:
  - { id: vandring, text: En vandring, period: { from: 2024-01, to: 2024-12 }, activity: trygghetsvandring, target: 1 }
suppression: { min_count: 0 }
`;

const latin1 = (lines: string[]) => Buffer.from(lines.map((l) => `${l}\r\n`).join(""), "latin1");
const q = (s: string) => `"${s.replace(/"/g, '""')}"`;

let root: string;
let result: CliResult;

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? allFiles(p) : [p];
  });
}

beforeAll(() => {
  const incidents = ["id;occurred_at;category;area;place;description"];
  for (const month of ["2023-03", "2023-09", "2024-01", "2024-02", "2024-03"]) {
    incidents.push(`${month}-1;${month}-05 12:00;Skadegörelse;Centrum;${q(TEXT("plats"))};${q(TEXT("beskrivning"))}`);
  }
  incidents.push(`bad-1;2024-03-40 12:00;Skadegörelse;Centrum;${q(TEXT("plats avvisad"))};${q(TEXT("beskrivning avvisad"))}`);
  // The area cell itself holds personal data on a rejected row (unknown_area: reject puts it in the reason).
  incidents.push(`bad-2;2024-03-06 12:00;Skadegörelse;${q(TEXT("område"))};x;y`);
  root = tempProject("lagesbild-pii-", CONFIG, {
    "data/polis.csv": latin1(incidents),
    "data/falt.csv": latin1([
      "date;start;end;hours;area;role;activity;obs_berusade;notes",
      `2024-03-08;21:00;01:00;;Centrum;polis;trygghetsvandring;2;${q(TEXT("anteckning"))}`,
      `2024-03-09;;;2;Centrum;Brandman;;1;${q(TEXT("anteckning avvisad"))}`,
      `2024-03-10;;;x;Centrum;polis;;1;${q(TEXT("anteckning dåligt tal"))}`,
    ]),
    "data/plan.csv": latin1([
      "action_id;action;responsible;date;status;comment",
      `kamera;Kamera på torget;polis;2024-02-01;Pågår;${q(TEXT("kommentar"))}`,
      `kamera;Kamera på torget;polis;2024-03-01;Halvklar;${q(TEXT("kommentar avvisad"))}`,
    ]),
    "data/svar.csv": latin1([
      "respondent_id;year;area;Otrygg;Fritext",
      `1;2023;Centrum;Ja;${q(TEXT("fritext"))}`,
      `2;20x3;Centrum;Nej;${q(TEXT("fritext avvisad"))}`,
    ]),
  });
  result = runCli(["run", "--config", path.join(root, "config", "lagesbild.yaml"), "--month", "2024-03", "--generated-at", "2024-04-02T06:00:00+02:00"]);
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("planted personal data", () => {
  it("the run succeeds and writes a report, a quarantine and the rejected rows", () => {
    expect(result.code, result.stderr).toBe(0);
    const files = allFiles(root).map((f) => path.relative(root, f).split(path.sep).join("/"));
    expect(files).toContain("reports/2024-03/index.html");
    expect(files).toEqual(expect.arrayContaining(["var/rejected/polis.csv", "var/rejected/falt.csv", "var/rejected/plan.csv", "var/rejected/enkat.csv"]));
    // The rejected rows really are in the quarantine (scrubbed), so the grep below looks at them.
    expect(readFileSync(path.join(root, "var/rejected/falt.csv"), "utf8")).toContain("anteckning avvisad: Anna [borttaget]");
  });

  it("appears in no file the run wrote, nor in its stdout or stderr", () => {
    const written = allFiles(root).filter((f) => !f.startsWith(path.join(root, "data")) && !f.startsWith(path.join(root, "config")));
    expect(written.length).toBeGreaterThan(5);
    const leaks: string[] = [];
    const check = (name: string, text: string) => {
      for (const form of LEAK_FORMS) if (text.includes(form)) leaks.push(`${name}: ${form}`);
    };
    for (const f of written) {
      const bytes = readFileSync(f);
      check(path.relative(root, f), bytes.toString("utf8"));
      check(`${path.relative(root, f)} (latin1)`, bytes.toString("latin1"));
    }
    check("stdout", result.stdout);
    check("stderr", result.stderr);
    expect(leaks).toEqual([]);
  });

  it("shows the scrubbed action comment in the report, never the raw one", () => {
    const page = readFileSync(path.join(root, "reports/2024-03/index.html"), "utf8");
    expect(page).toContain("kommentar: Anna [borttaget]");
  });
});
