/**
 * Builds the police events extracts that the real-kommun examples ship (examples/<kommun>/data/),
 * so the examples run from a fresh clone without the county archives beside the project.
 *
 *   node --import tsx scripts/extract-example-events.ts ../shared/realdata/polisen-events
 *
 * Selection (written down in each examples/<kommun>/data/PROVENANCE.md): the events whose kommun
 * (the text after the last comma of `name`, as the reader takes it) is the example's kommun and whose
 * incident month (the reader's own rule, from `name` and `datetime`) lies in FROM…TO. The window is
 * what keeps the four extracts at a few hundred KB: Sundsvall alone has ~1 700 events in the archive.
 * Each event object is copied unchanged (same keys, same order, same values), one object per line so a
 * diff of a regenerated extract shows whole events. Deterministic: the county file's order is kept.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { normaliseLabel } from "../src/config/normalise-label.ts";
import { incidentTime, kommunOfName } from "../src/ingest/text/parse-polisen-name.ts";

export const FROM = "2024-05";
export const TO = "2025-12";

const EXAMPLES: ReadonlyArray<{ folder: string; kommun: string; county: string }> = [
  { folder: "soderhamn", kommun: "Söderhamn", county: "gavleborg_lan_events.json" },
  { folder: "sandviken", kommun: "Sandviken", county: "gavleborg_lan_events.json" },
  { folder: "sundsvall", kommun: "Sundsvall", county: "vasternorrland_lan_events.json" },
  { folder: "sigtuna", kommun: "Sigtuna", county: "stockholms_lan_events.json" },
];

/**
 * The group example (examples/halsingland/, one run for a lokalpolisområde): one extract with the
 * events of all its kommuner, which the group run reads once and splits by kommun.
 */
const GROUPS: ReadonlyArray<{ folder: string; kommuner: readonly string[]; county: string }> = [
  { folder: "halsingland", kommuner: ["Söderhamn", "Hudiksvall", "Bollnäs", "Ljusdal", "Nordanstig", "Ovanåker"], county: "gavleborg_lan_events.json" },
];

interface RawEvent {
  name: string;
  datetime: string;
}

function main(argv: ReadonlyArray<string>): void {
  const sourceDir = argv[0];
  if (sourceDir === undefined) {
    process.stderr.write("usage: extract-example-events <folder with the county files of polisen-events>\n");
    process.exit(2);
  }
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const all = [
    ...EXAMPLES.map((ex) => ({ folder: ex.folder, kommuner: [ex.kommun], county: ex.county })),
    ...GROUPS,
  ];
  for (const ex of all) {
    const events = JSON.parse(fs.readFileSync(path.join(sourceDir, ex.county), "utf8")) as RawEvent[];
    const kommuner = new Set(ex.kommuner.map(normaliseLabel));
    const selected = events.filter((e) => {
      if (!kommuner.has(normaliseLabel(kommunOfName(e.name)))) return false;
      const month = incidentTime(e.name, e.datetime, "Europe/Stockholm")?.month;
      return month !== undefined && month >= FROM && month <= TO;
    });
    const text = `[\n${selected.map((e) => JSON.stringify(e)).join(",\n")}\n]\n`;
    const out = path.join(root, "examples", ex.folder, "data", `polisen-handelser-${ex.folder}.json`);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, text);
    process.stdout.write(`${ex.kommuner.join(", ")}: ${selected.length} events of ${events.length} in ${ex.county}, ${Buffer.byteLength(text)} bytes → ${path.relative(root, out)}\n`);
  }
}

main(process.argv.slice(2));
