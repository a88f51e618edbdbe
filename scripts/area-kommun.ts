/**
 * A generated kommun with many areas, to measure what the report costs per area (issue 20): a project
 * folder with its config, a police export in the real format (Windows-1252, `;`, CRLF, Swedish headers),
 * the kommun's own event log (a second measure) and a GeoJSON of the areas as a grid of squares.
 *
 *   node --import tsx scripts/area-kommun.ts --out /tmp/k312 --areas 312 [--area-pages 8|true|false]
 *   node bin/lagesbild.js run --config /tmp/k312/config/lagesbild.yaml --month 2024-12 --generated-at 2025-01-02T06:00:00+01:00
 *
 * Deterministic: the same arguments give the same bytes. Counts are Poisson draws around a per-area
 * rate, so some areas' cells are small and suppressed, as in a real kommun with many small areas.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { mulberry32 as prng, poisson } from "./sample/prng.ts";

const USAGE = "usage: area-kommun --out DIR --areas N [--area-pages N|true|false] [--min-count K]";

interface Options {
  out: string;
  areas: number;
  areaPages?: string;
  minCount: number;
}

function parseArgs(argv: ReadonlyArray<string>): Options {
  let out: string | undefined;
  let areas: number | undefined;
  let areaPages: string | undefined;
  let minCount = 3;
  for (let i = 0; i < argv.length; i += 2) {
    const [arg, value] = [argv[i], argv[i + 1]];
    if (arg === "--out" && value) out = path.resolve(value);
    else if (arg === "--areas" && value && /^[1-9]\d*$/.test(value)) areas = Number(value);
    else if (arg === "--area-pages" && value && /^(\d+|true|false)$/.test(value)) areaPages = value;
    else if (arg === "--min-count" && value && /^\d+$/.test(value)) minCount = Number(value);
    else {
      console.error(USAGE);
      process.exit(2);
    }
  }
  if (out === undefined || areas === undefined) {
    console.error(USAGE);
    process.exit(2);
  }
  return { out, areas, ...(areaPages === undefined ? {} : { areaPages }), minCount };
}

const POLICE = [
  { id: "misshandel", name: "Misshandel", label: "Misshandel", group: "vald", rate: 0.5 },
  { id: "olaga-hot", name: "Olaga hot", label: "Olaga hot", group: "vald", rate: 0.4 },
  { id: "ofredande", name: "Ofredande", label: "Ofredande", group: "vald", rate: 0.3 },
  { id: "stold", name: "Stöld och snatteri", label: "Stöld", group: "egendom", rate: 2.2 },
  { id: "inbrott", name: "Inbrott", label: "Inbrott", group: "egendom", rate: 0.4 },
  { id: "skadegorelse", name: "Skadegörelse (polisanmäld)", label: "Skadegörelse", group: "offentlig-miljo", rate: 0.9 },
  { id: "narkotika", name: "Narkotikabrott", label: "Narkotikabrott", group: "narkotika", rate: 0.5 },
  { id: "rattfylleri", name: "Rattfylleri", label: "Rattfylleri", group: "narkotika", rate: 0.2 },
] as const;
const KOMMUN = [
  { id: "skadegorelse-kommun", name: "Skadegörelse på kommunens egendom", label: "Skadegörelse", group: "offentlig-miljo", rate: 0.6 },
  { id: "klotter", name: "Klotter", label: "Klotter", group: "offentlig-miljo", rate: 0.8 },
  { id: "nedskrapning", name: "Nedskräpning", label: "Nedskräpning", group: "offentlig-miljo", rate: 0.4 },
  { id: "brand", name: "Bränder", label: "Brand", group: "brand", rate: 0.15 },
] as const;

const FROM_YEAR = 2022;
const TO_YEAR = 2024;

function areaId(i: number): string {
  return `omrade-${String(i + 1).padStart(3, "0")}`;
}
function areaName(i: number): string {
  return `Område ${i + 1}`;
}

function config(o: Options): string {
  const areas = Array.from({ length: o.areas }, (_, i) => `  - { id: ${areaId(i)}, name: "${areaName(i)}", population: ${800 + ((i * 7919) % 2400)} }`);
  const population = Array.from({ length: o.areas }, (_, i) => 800 + ((i * 7919) % 2400)).reduce((a, b) => a + b, 0);
  const cat = (c: { id: string; name: string; group: string }) => `  - { id: ${c.id}, name: "${c.name}", group: ${c.group} }`;
  const map = (cs: ReadonlyArray<{ id: string; label: string }>) => cs.map((c) => `      "${c.label}": ${c.id}`).join("\n");
  return `kommun: { name: Mångområdeskommun, code: "9998" }
population: ${population}
output:
  title: "Lägesbild för Mångområdeskommun – genererade siffror"
  publisher: "Mångområdeskommun – genererade siffror för mätning"
  base_url: https://www.example.se/lagesbild/
  contact: { email: trygghet@example.se }
${o.areaPages === undefined ? "" : `  area_pages: ${o.areaPages}\n`}areas_geojson: ../data/omraden.geojson
max_rejected_share: 0.01
areas:
${areas.join("\n")}
groups:
  - { id: vald, name: Våld och hot }
  - { id: egendom, name: Stöld och inbrott }
  - { id: offentlig-miljo, name: Skadegörelse och otrygghet i offentlig miljö }
  - { id: narkotika, name: Narkotika och rattfylleri }
  - { id: brand, name: Bränder }
categories:
${[...POLICE, ...KOMMUN].map(cat).join("\n")}
sources:
  - id: polis
    kind: incidents
    measure: brott
    path: ../data/polis-*.csv
    columns: { id: Diarienummer, occurred_at: Datum, category: Brottstyp, area: Område }
    categories:
${map(POLICE)}
    covers: { from: ${FROM_YEAR}-01, to: ${TO_YEAR}-12 }
  - id: kommun
    kind: incidents
    measure: handelser
    path: ../data/kommun-*.csv
    columns: { occurred_at: Datum, category: Typ, area: Område }
    categories:
${map(KOMMUN)}
    covers: { from: ${FROM_YEAR}-01, to: ${TO_YEAR}-12 }
suppression: { min_count: ${o.minCount}, applies_to: areas }
`;
}

/** A square per area on a grid (SWEREF 99 TM metres), so the maps have as many shapes as areas. */
function geojson(o: Options): string {
  const side = Math.ceil(Math.sqrt(o.areas));
  const size = 500;
  const features = Array.from({ length: o.areas }, (_, i) => {
    const x = 500_000 + (i % side) * size;
    const y = 6_800_000 + Math.floor(i / side) * size;
    const ring = [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]];
    return JSON.stringify({ type: "Feature", properties: { id: areaId(i), name: areaName(i) }, geometry: { type: "Polygon", coordinates: [ring] } });
  });
  return `{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::3006"}},"features":[\n${features.join(",\n")}\n]}\n`;
}

function monthDays(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** One file per year and source; each area's rate scales with its size, with a trend in a few areas. */
function writeExports(o: Options, dataDir: string): { rows: number } {
  const rand = prng(20_241_231 + o.areas);
  let rows = 0;
  let serial = 100_000;
  for (let year = FROM_YEAR; year <= TO_YEAR; year++) {
    const police: string[] = ["Diarienummer;Datum;Brottstyp;Område"];
    const kommun: string[] = ["Datum;Typ;Område"];
    for (let month = 1; month <= 12; month++) {
      const days = monthDays(year, month);
      for (let a = 0; a < o.areas; a++) {
        const scale = (800 + ((a * 7919) % 2400)) / 1600;
        // Every 25th area has a rise in its last month, so some verdicts are "increase".
        const rise = a % 25 === 0 && year === TO_YEAR && month === 12 ? 4 : 1;
        const emit = (list: typeof POLICE | typeof KOMMUN, into: string[], police: boolean) => {
          for (const c of list) {
            const n = poisson(rand, c.rate * scale * rise);
            for (let k = 0; k < n; k++) {
              const day = 1 + Math.floor(rand() * days);
              const time = `${String(Math.floor(rand() * 24)).padStart(2, "0")}:${String(Math.floor(rand() * 60)).padStart(2, "0")}`;
              const date = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")} ${time}`;
              into.push(police ? `5000-K${serial++}-${String(year).slice(2)};${date};${c.label};${areaName(a)}` : `${date};${c.label};${areaName(a)}`);
              rows++;
            }
          }
        };
        emit(POLICE, police, true);
        emit(KOMMUN, kommun, false);
      }
    }
    // Windows-1252 bytes and CRLF, as Excel on Swedish Windows writes them.
    writeFileSync(path.join(dataDir, `polis-${year}.csv`), Buffer.from(`${police.join("\r\n")}\r\n`, "latin1"));
    writeFileSync(path.join(dataDir, `kommun-${year}.csv`), Buffer.from(`${kommun.join("\r\n")}\r\n`, "latin1"));
  }
  return { rows };
}

const options = parseArgs(process.argv.slice(2));
mkdirSync(path.join(options.out, "config"), { recursive: true });
mkdirSync(path.join(options.out, "data"), { recursive: true });
writeFileSync(path.join(options.out, "config", "lagesbild.yaml"), config(options));
writeFileSync(path.join(options.out, "data", "omraden.geojson"), geojson(options));
const { rows } = writeExports(options, path.join(options.out, "data"));
console.log(`${options.areas} areas, ${rows} rows in ${path.relative(process.cwd(), options.out) || "."}`);
