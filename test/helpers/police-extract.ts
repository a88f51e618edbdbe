/**
 * Reading the police's open events (as the examples' extracts hold them) a second way, for tests that
 * check lagesbild's counts independently: nothing here comes from src/ingest.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "./run-cli.ts";

export interface RawEvent {
  id: number;
  datetime: string;
  name: string;
  type: string;
  summary: string;
}

const MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];

/** Names and types compared as the police write them, whatever the spacing, case or Unicode form. */
export const norm = (s: string) => s.normalize("NFC").replace(/\s+/g, " ").trim().toLowerCase();

/** The extract shipped with an example: `examples/<folder>/data/polisen-handelser-<folder>.json`. */
export const extractOf = (folder: string) => path.join(PROJECT_ROOT, "examples", folder, "data", `polisen-handelser-${folder}.json`);

export const readEvents = (file: string) => JSON.parse(readFileSync(file, "utf8")) as RawEvent[];

/** Incident month from the headline's day and month and the publication year (December in January: the year before). */
export function incidentMonth(e: RawEvent): string {
  const m = /^(\d{1,2}) (\S+) \d{1,2}[.:]\d{2},/.exec(e.name)!;
  const month = MONTHS.indexOf(m[2]!) + 1;
  const pubYear = Number(e.datetime.slice(0, 4));
  const year = month === 12 && Number(e.datetime.slice(5, 7)) === 1 ? pubYear - 1 : pubYear;
  return `${year}-${String(month).padStart(2, "0")}`;
}
