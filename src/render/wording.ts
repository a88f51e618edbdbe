/**
 * Every string a reader of the report sees, in one place, so the wording stays consistent across
 * sections and a later English edition is a translation of this file rather than a hunt.
 */
import type { Verdict } from "../aggregate/indicators-schema.ts";

/** Verdict words exactly as spec/indicators.md, each with a symbol so meaning never rests on colour. */
export const VERDICT: Record<Verdict, { words: string; symbol: string; className: string }> = {
  increase: { words: "ökning utöver normal variation", symbol: "▲", className: "trend-up" },
  decrease: { words: "minskning utöver normal variation", symbol: "▼", className: "trend-down" },
  normal: { words: "inom normal variation", symbol: "●", className: "trend-normal" },
  insufficient_history: { words: "för kort historik", symbol: "○", className: "trend-none" },
};

export const T = {
  notAvailable: "uppgift saknas",
  /** A derived figure (change, rate) whose input is hidden by suppression. */
  hiddenDerived: "döljs",
  /** A percentage change whose base is 0. */
  notComputable: "ej beräkningsbar",
  trendHidden: "redovisas inte (litet antal)",
  lang: "sv",
  skipLink: "Hoppa till innehållet",
  defaultTitle: (kommun: string) => `Lägesbild för ${kommun}`,
  monthReport: (monthText: string) => `Lägesbild ${monthText}`,
  openData: "Öppna data",
  linkJson: "Alla siffror som JSON (indicators.json)",
  linkCsv: "Alla siffror som CSV för Excel (indicators.csv)",
  linkRun: "Körningssammanfattning (run.json)",
  linkArchive: "Alla månader (arkiv)",
  linkAccessibility: "Tillgänglighetsredogörelse",
  contents: "Innehåll",
  publishedBy: (publisher: string) => `Utgivare: ${publisher}`,
  contact: "Kontakt",
  generated: (date: string, revision: number) =>
    revision > 1 ? `Skapad ${date} (revision ${revision}).` : `Skapad ${date}.`,
  sections: {
    summary: "Sammanfattning",
    kommun: "Hela kommunen",
    areas: "Per område",
    about: "Om statistiken",
  },
  table: {
    category: "Kategori",
    changeAbs: "Förändring (antal)",
    changePct: "Förändring (%)",
    ytd: (year: number) => `Hittills i år (${year})`,
    ytdLastYear: (year: number) => `Samma period ${year}`,
    rolling: "Senaste 12 mån",
    per100k: "Per 100 000 inv. (senaste 12 mån)",
    reference: (name: string, year: number) => `Jämfört med referensdata: ${name} ${year}, per 100 000 inv.`,
    trend: "Trend (jämfört med senaste 12 mån)",
    caption: (area: string, month: string) => `Anmälda händelser i ${area}, ${month}`,
    note: "Förändring jämför med samma månad i fjol. Trenden jämför månaden med de tolv månaderna före.",
    populationMissing: "Befolkningsuppgift saknas, så antal per 100 000 invånare kan inte beräknas.",
  },
  chart: {
    monthColumn: "Månad",
    yAxis: "Antal per månad",
    lastYearSuffix: "samma månad året innan",
    showTable: (title: string) => `Visa siffrorna i diagrammet som tabell: ${title}`,
    groupTitle: (group: string, area: string) => `${group}, ${area}`,
    areaTitle: (area: string) => `Alla kategorier, ${area}`,
    caption: (title: string, range: string) =>
      `${title}: anmälda händelser per månad, ${range}. Streckad linje: samma månad året innan. Luckor i linjen betyder att uppgift saknas eller döljs.`,
    altIntro: (title: string, range: string) => `Linjediagram över anmälda händelser per månad, ${title}, ${range}.`,
    altLatest: (name: string, month: string, value: string, verdict: string) =>
      `${name} i ${month}: ${value}, ${verdict}.`,
    altLatestPlain: (name: string, month: string, value: string) => `${name} i ${month}: ${value}.`,
  },
  area: {
    kommunIn: "i hela kommunen",
    okantIn: "utan angivet område",
    in: (name: string) => `i ${name}`,
    intro:
      "Samma siffror per område. Händelser som inte kunde knytas till något område redovisas under Okänt område. Små antal redovisas som ”färre än” ett gränsvärde för att skydda enskilda.",
  },
} as const;

/** "färre än 3": how a count hidden by suppression is shown. */
export function fewerThan(minCount: number): string {
  return `färre än ${minCount}`;
}

/** "1 anmäld händelse", "19 anmälda händelser". */
export function incidentsNoun(count: number): string {
  return count === 1 ? "anmäld händelse" : "anmälda händelser";
}

/** Verdict words with their symbol, e.g. "▲ ökning utöver normal variation". */
export function verdictLabel(verdict: Verdict): string {
  const v = VERDICT[verdict];
  return `${v.symbol} ${v.words}`;
}

/** Promise statuses (spec/indicators.md) in words, singular and plural, in the order the summary lists them. */
export const PROMISE_STATUS: Record<
  "uppfyllt" | "i_fas" | "efter_plan" | "ej_uppfyllt" | "ej_startat",
  { one: string; many: string }
> = {
  uppfyllt: { one: "uppfyllt", many: "uppfyllda" },
  i_fas: { one: "i fas", many: "i fas" },
  efter_plan: { one: "efter plan", many: "efter plan" },
  ej_uppfyllt: { one: "inte uppfyllt", many: "inte uppfyllda" },
  ej_startat: { one: "inte påbörjat", many: "inte påbörjade" },
};

/** Row-accounting reason codes (spec/inputs.md) in words. */
const REASONS: Record<string, string> = {
  ignore_list: "utelämnad enligt konfigurationen",
  other_kommun: "annan kommun",
  summary_event: "sammanfattande händelse",
  duplicate: "upprepad rad",
  superseded: "ersatt av en ändrad rad",
  blank: "tom rad",
  total_row: "summarad",
  missing_field: "fält saknas",
  bad_date: "ogiltigt datum",
  bad_number: "ogiltigt tal",
  unknown_category: "okänd kategori",
  unknown_area: "okänt område",
  duplicate_id: "samma id flera gånger",
  future_date: "datum i framtiden",
  bad_encoding: "felaktig teckenkodning",
  column_count: "fel antal kolumner",
  unknown_role: "okänd roll",
  unknown_status: "okänd status",
  unknown_activity: "okänd aktivitet",
  unknown_indicator: "okänd indikator",
};

/** "unknown_category:Vapenbrott" → "okänd kategori: Vapenbrott"; an unknown code is shown as it is. */
export function reasonText(reason: string): string {
  const colon = reason.indexOf(":");
  const code = colon < 0 ? reason : reason.slice(0, colon);
  const words = REASONS[code] ?? code;
  return colon < 0 ? words : `${words}: ${reason.slice(colon + 1)}`;
}

/** Source kinds (spec/inputs.md) in words. */
export const SOURCE_KIND: Record<string, string> = {
  incidents: "händelser",
  survey: "trygghetsmätning",
  "field-reports": "fältrapporter",
  actions: "åtgärdsplan",
};

/** Section 7, Om statistiken. */
export const ABOUT = {
  sourcesHeading: "Källor",
  sourceHeading: (id: string, kind: string) => `${id} (${kind})`,
  covers: (from: string, to: string) => `Källan täcker ${from}–${to}.`,
  coversFrom: (from: string) => `Källan täcker perioden från ${from}.`,
  coversTo: (to: string) => `Källan täcker perioden till och med ${to}.`,
  coversUnknown: "Källans period är okänd.",
  noFiles: "Inga filer lästes från källan.",
  filesCaption: (id: string) => `Inlästa rader per fil, källa ${id}`,
  file: "Fil",
  read: "Lästa rader",
  accepted: "Godtagna",
  ignored: "Utelämnade",
  rejected: "Avvisade",
  ignoredWhy: "Utelämnade, skäl:",
  rejectedWhy: "Avvisade, skäl:",
  notesHeading: "Att tänka på den här månaden",
  definitionsHeading: "Begrepp",
  definitions: [
    ["Anmälda händelser", "Händelser som registrerats av källorna ovan under månaden. Ett anmält brott är inte detsamma som ett begånget brott: många brott anmäls aldrig, och antalet anmälningar påverkas av hur mycket polis och andra är ute och upptäcker."],
    ["Samma månad i fjol", "Samma kalendermånad ett år tidigare."],
    ["Förändring", "Skillnaden mot samma månad i fjol, i antal och i procent. Procent räknas inte när jämförelsevärdet är 0."],
    ["Hittills i år", "Januari till och med rapportmånaden, jämfört med samma månader året innan."],
    ["Senaste 12 mån", "Summan av de tolv senaste månaderna, till och med rapportmånaden."],
    ["Per 100 000 invånare", "Antalet de senaste tolv månaderna delat med befolkningen, gånger 100 000. Det gör områden och kommuner av olika storlek jämförbara."],
    ["Okänt område", "Händelser som inte kunde knytas till något av områdena. De räknas med i hela kommunen."],
    ["Uppgift saknas", "Källan täcker inte perioden, så värdet är okänt. Det betyder inte att antalet är noll."],
  ] as ReadonlyArray<readonly [string, string]>,
  trendHeading: "Hur vi avgör om en förändring är verklig",
  trendText: [
    "Antalet händelser varierar från månad till månad av slumpen, särskilt när antalen är små. Därför jämförs varje månad med de tolv månaderna före den.",
    "Om månadens antal är så högt (eller lågt) att det skulle hända av ren slump mindre än 2,5 gånger av 100, säger vi att det är en ökning (eller minskning) utöver normal variation. Annars ligger antalet inom normal variation, även om det är högre eller lägre än förra året.",
  ],
  verdictMeaning: {
    increase: "fler än vad slumpen brukar ge",
    decrease: "färre än vad slumpen brukar ge",
    normal: "skillnaden kan vara slump",
    insufficient_history: "uppgifter saknas för någon av de tolv föregående månaderna, så ingen bedömning görs",
  },
  suppressionHeading: "Små antal redovisas inte",
  suppressionText: (k: number, shown: string, all: boolean) =>
    `För att ingen enskild person ska kunna pekas ut redovisas antal under ${k} (men inte 0) i ${all ? "alla tabeller" : "områdena"} som ”${shown}”. Ibland döljs också ett annat värde, så att ett dolt antal inte kan räknas fram ur summan. Förändringar och andelar som bygger på ett dolt värde visas som ”döljs”. Nollor visas alltid.`,
  noSuppression: "Alla antal redovisas, även små.",
  generatedHeading: "Om rapporten",
} as const;

/** The archive page, `reports/index.html`. */
export const ARCHIVE = {
  heading: "Alla månader",
  intro: "Varje månads lägesbild med dess huvudsiffror för hela kommunen. Välj en månad för hela rapporten.",
  caption: "Publicerade månader, senaste först",
  month: "Månad",
  total: "Anmälda händelser, hela kommunen",
  change: "Förändring mot samma månad i fjol",
  trend: "Trend (jämfört med senaste 12 mån)",
  hidden: "redovisas inte",
  empty: "Inga månader är publicerade ännu.",
  feed: "Prenumerera på nya lägesbilder (Atom-flöde)",
} as const;
