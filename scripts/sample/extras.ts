/**
 * The rest of Exempelkommun's lägesbild (data/README.md): a trygghetsmätning in both formats
 * (published results 2023–2025 and the respondent rows behind the share who feel unsafe at night),
 * field reports January 2025 – October 2026 with the activities the promises in config/lagesbild.yaml
 * follow up, and an åtgärdsplan log modelled on Sundsvall's ten-point plan. All fictional, all
 * deterministic (one named random stream per file), no personal data.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { monthRange } from "../../src/core/month.ts";
import { encodeCp1252 } from "./encode.ts";
import { AREAS, SEED } from "./model.ts";
import { intBelow, poisson, streamFor, type Rng } from "./prng.ts";

export const SURVEY_QUESTION = "Hur trygg eller otrygg känner du dig om du går ut ensam sent en kväll i ditt område?";
const ANSWERS = ["Mycket trygg", "Ganska trygg", "Ganska otrygg", "Mycket otrygg", "Vet ej"] as const;

/** Published problem index per area and year (index 0–6): Centrum and Hamnen above the rest. */
const INDEX: Record<string, [number, number, number]> = {
  kommun: [1.71, 1.84, 1.62],
  centrum: [2.35, 2.61, 2.2],
  norrby: [1.92, 2.05, 1.88],
  hamnen: [2.1, 2.42, 2.51],
  skogsberga: [1.12, 1.2, 1.05],
  ljungdal: [0.95, 0.9, 0.98],
};
const SURVEY_YEARS = [2023, 2024, 2025] as const;
/** Respondents per area and year; Hamnen is small (uncertain), Ljungdal's 2023 wave tiny (hidden). */
const RESPONDENTS: Record<string, number> = { centrum: 120, norrby: 140, hamnen: 24, skogsberga: 160, ljungdal: 60 };
/** Chance of "otrygg" per area (answers 3–4 of 4), before "Vet ej". */
const UNSAFE: Record<string, number> = { centrum: 0.34, norrby: 0.27, hamnen: 0.3, skogsberga: 0.12, ljungdal: 0.1 };

const crlf = (lines: string[]) => `${lines.join("\r\n")}\r\n`;

function surveyResults(): Buffer {
  const lines = ["År;Publicerad;Område;Indikator;Värde;Antal svarande"];
  for (const [i, year] of SURVEY_YEARS.entries()) {
    for (const [area, values] of Object.entries(INDEX)) {
      const name = area === "kommun" ? "" : (AREAS.find((a) => a.id === area)?.name ?? area);
      const n = area === "kommun" ? 512 + 7 * i : Math.round((RESPONDENTS[area] ?? 50) * 0.8);
      lines.push(`${year};${year + 1}-02;${name};problemindex_total;${values[i]!.toFixed(2).replace(".", ",")};${n}`);
    }
  }
  return encodeCp1252(crlf(lines));
}

function surveyResponses(year: number): Buffer {
  const rng = streamFor(`${SEED}|survey|${year}`);
  const lines = [`respondent_id,year,area,"${SURVEY_QUESTION}",kon`];
  let id = 0;
  for (const area of AREAS) {
    const n = area.id === "ljungdal" && year === 2023 ? 8 : (RESPONDENTS[area.id] ?? 50) + intBelow(rng, 15);
    for (let i = 0; i < n; i++) {
      id++;
      const u = rng();
      const unsafe = UNSAFE[area.id] ?? 0.2;
      const answer = u < 0.05 ? ANSWERS[4] : u < 0.05 + unsafe * 0.35 ? ANSWERS[3] : u < 0.05 + unsafe ? ANSWERS[2] : u < 0.6 ? ANSWERS[1] : ANSWERS[0];
      lines.push(`${year}-${String(id).padStart(4, "0")},${year},${area.name},${answer},${rng() < 0.5 ? "Kvinna" : "Man"}`);
    }
  }
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join("\n")}\n`, "utf8")]);
}

/** The promised activities of 2026 and their days (config/lagesbild.yaml `promises`). */
const PLANNED: Array<{ date: string; area: string; activity: string; role: string; start: string; end: string }> = [
  { date: "2025-05-14", area: "Centrum", activity: "Trygghetsvandring", role: "Trygghetsvärd", start: "18:00", end: "20:00" },
  { date: "2025-10-08", area: "Hamnen", activity: "Trygghetsvandring", role: "Trygghetsvärd", start: "18:00", end: "20:30" },
  { date: "2026-04-22", area: "Hamnen", activity: "Trygghetsvandring", role: "Trygghetsvärd", start: "18:00", end: "20:00" },
  { date: "2026-09-16", area: "Centrum", activity: "Trygghetsvandring", role: "Trygghetsvärd", start: "18:30", end: "20:30" },
  // A riktad insats over three days with one day off in between (one episode, spec: gap ≤ 2 days).
  { date: "2026-06-12", area: "Centrum", activity: "Riktad insats", role: "Polis", start: "20:00", end: "03:00" },
  { date: "2026-06-14", area: "Centrum", activity: "Riktad insats", role: "Polis", start: "20:00", end: "03:00" },
  // One day only in October: not yet a riktad insats of at least two days.
  { date: "2026-10-09", area: "Hamnen", activity: "Riktad insats", role: "Polis", start: "21:00", end: "02:00" },
  { date: "2026-03-11", area: "Norrby", activity: "Medborgardialog", role: "Polis", start: "17:00", end: "19:00" },
  { date: "2026-08-19", area: "Skogsberga", activity: "Medborgardialog", role: "Polis", start: "17:00", end: "19:00" },
];

const OBS = ["ungdomar_samlade", "berusade", "narkotika", "skadegorelse", "nedskrapning"] as const;
/** Observations per hour in the field, per area: more gathering and litter in Centrum and Hamnen. */
const OBS_RATE: Record<string, readonly number[]> = {
  centrum: [0.45, 0.25, 0.06, 0.08, 0.3],
  norrby: [0.35, 0.12, 0.05, 0.07, 0.2],
  hamnen: [0.4, 0.18, 0.04, 0.1, 0.35],
  skogsberga: [0.1, 0.04, 0.01, 0.02, 0.08],
  ljungdal: [0.08, 0.03, 0.01, 0.02, 0.06],
};
const NOTES = ["Lugnt.", "Pratade med en grupp unga vid torget.", "Mycket folk ute efter matchen.", "Lampa trasig i gångtunneln, anmält till kommunen.", ""];

function shiftLine(rng: Rng, date: string, area: (typeof AREAS)[number], role: string, start: string, end: string, activity: string): string {
  const hours = (() => {
    const [sh, sm] = start.split(":").map(Number) as [number, number];
    const [eh, em] = end.split(":").map(Number) as [number, number];
    const m = eh * 60 + em - (sh * 60 + sm);
    return (m < 0 ? m + 1440 : m) / 60;
  })();
  const obs = OBS.map((_, i) => String(poisson(rng, (OBS_RATE[area.id]?.[i] ?? 0.1) * hours)));
  const note = NOTES[intBelow(rng, NOTES.length)] ?? "";
  return [date, start, end, "", area.name, role, activity, ...obs, note].join(";");
}

function fieldReports(year: number): Buffer {
  const rng = streamFor(`${SEED}|field|${year}`);
  const lines = [`date;start;end;hours;area;role;activity;${OBS.map((o) => `obs_${o}`).join(";")};notes`];
  const last = year === 2026 ? "2026-10" : `${year}-12`;
  for (const month of monthRange(`${year}-01`, last)) {
    const days = new Date(Date.UTC(year, Number(month.slice(5)), 0)).getUTCDate();
    for (let day = 1; day <= days; day++) {
      const date = `${month}-${String(day).padStart(2, "0")}`;
      const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
      // Fältassistenter most weekday evenings in Centrum, Norrby and Hamnen; nattvandrare Friday–Saturday.
      for (const area of AREAS.slice(0, 3)) {
        if (weekday >= 1 && weekday <= 4 && rng() < 0.35) lines.push(shiftLine(rng, date, area, "Fältassistent", "16:00", "22:00", ""));
      }
      if (weekday === 5 || weekday === 6) {
        for (const area of AREAS) if (rng() < (area.id === "centrum" ? 0.9 : 0.35)) lines.push(shiftLine(rng, date, area, "Nattvandrare", "21:00", "01:30", ""));
      }
      if (rng() < 0.12) lines.push(shiftLine(rng, date, AREAS[intBelow(rng, AREAS.length)]!, "Polis", "18:00", "23:00", "Patrull"));
      for (const p of PLANNED.filter((x) => x.date === date)) {
        const area = AREAS.find((a) => a.name === p.area)!;
        lines.push(shiftLine(rng, date, area, p.role, p.start, p.end, p.activity));
      }
    }
  }
  return encodeCp1252(crlf(lines));
}

/** A ten-point plan in the manner of Sundsvall's: each action's status changes over 2025–2026. */
const PLAN: Array<[string, string, string, Array<[string, string, string]>]> = [
  ["kamera-torget", "Kamerabevakning på Stora torget", "polis", [["2025-02-03", "Ej påbörjad", ""], ["2025-06-10", "Pågår", "Tillstånd sökt hos IMY"], ["2026-03-02", "Genomförd", "Kamerorna i drift sedan mars"]]],
  ["belysning-gangtunnel", "Bättre belysning i gångtunnlarna i Norrby", "kommun", [["2025-02-03", "Pågår", "Två av fem tunnlar klara"], ["2025-11-20", "Genomförd", ""]]],
  ["faltassistenter", "Fler fältassistenter kvällstid", "kommun", [["2025-02-03", "Pågår", "Två nya tjänster tillsatta"]]],
  ["sspf", "Samverkan skola, socialtjänst, polis och fritid (SSPF) i alla skolområden", "gemensamt", [["2025-02-03", "Pågår", ""], ["2026-05-15", "Genomförd", "SSPF finns nu i alla fyra skolområden"]]],
  ["ordningsvakter", "Ordningsvakter i centrum fredag och lördag kväll", "kommun", [["2025-04-01", "Pågår", "Avtal till och med 2026"]]],
  ["nattvandring", "Stöd till föreningar som nattvandrar", "kommun", [["2025-03-01", "Genomförd", "Bidrag beviljat till tre föreningar"]]],
  ["klotter-24h", "Klotter saneras inom 24 timmar", "kommun", [["2025-02-03", "Pågår", ""]]],
  ["medborgardialog", "Medborgardialoger i varje område", "polis", [["2025-02-03", "Ej påbörjad", ""], ["2026-03-11", "Pågår", "Första dialogen hölls i Norrby"]]],
  ["hamnen-planering", "Trygghetsperspektiv i detaljplanen för Hamnen", "kommun", [["2025-09-01", "Ej påbörjad", ""]]],
  ["drogforebyggande", "Drogförebyggande arbete i högstadiet", "gemensamt", [["2025-02-03", "Pågår", ""], ["2026-01-20", "Stoppad", "Pausat i väntan på ny finansiering"]]],
];

function actionLog(): Buffer {
  const rows: Array<[string, string]> = [];
  for (const [id, action, responsible, changes] of PLAN) {
    for (const [date, status, comment] of changes) rows.push([date, [id, action, responsible, date, status, comment].join(";")]);
  }
  rows.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return encodeCp1252(crlf(["action_id;action;responsible;date;status;comment", ...rows.map(([, line]) => line)]));
}

/** Writes data/surveys, data/field-reports and data/atgarder under `outDir`; returns the files written. */
export function generateExtras(outDir: string): string[] {
  const files: Array<[string, Buffer]> = [
    ["surveys/resultat-2023-2025.csv", surveyResults()],
    ...SURVEY_YEARS.map((y): [string, Buffer] => [`surveys/svar-${y}.csv`, surveyResponses(y)]),
    ["field-reports/falt-2025.csv", fieldReports(2025)],
    ["field-reports/falt-2026.csv", fieldReports(2026)],
    ["atgarder/atgardsplan.csv", actionLog()],
  ];
  for (const [rel, bytes] of files) {
    const file = path.join(outDir, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, bytes);
  }
  return files.map(([rel]) => path.join(outDir, rel));
}
