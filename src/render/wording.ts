/**
 * Every string a reader of the report sees, in one place, so the wording stays consistent across
 * sections and a later English edition is a translation of this file rather than a hunt.
 */
import type { Verdict } from "../model/indicators.ts";
import type { Measure } from "../core/measure.ts";
import { TOTAL_NAME } from "../config/total-names.ts";

/**
 * The measures (spec/cli.md "Measures") as a reader sees them. Every caption, heading and sentence names
 * the measure of its figures; "anmäld" is only ever said of `brott` (police event notices and the
 * kommun's own log are not reported crimes).
 */
export const MEASURE: Record<
  Measure,
  {
    /** Plural noun phrase after a number: "19 polisanmälda brott". */
    many: string;
    /** Singular after "1". */
    one: string;
    /** Capitalised, for headings and captions: "Polisanmälda brott". */
    title: string;
    /** The total's name in indicators.json and every table. */
    totalName: string;
    /** The column head / short label beside a count. */
    short: string;
  }
> = {
  brott: {
    many: "polisanmälda brott",
    one: "polisanmält brott",
    title: "Polisanmälda brott",
    totalName: TOTAL_NAME.brott,
    short: "polisanmälda brott",
  },
  "polisens-handelser": {
    many: "händelsenotiser från polisen",
    one: "händelsenotis från polisen",
    title: "Polisens händelsenotiser",
    totalName: TOTAL_NAME["polisens-handelser"],
    short: "polisens händelsenotiser",
  },
  handelser: {
    many: "rapporterade händelser",
    one: "rapporterad händelse",
    title: "Rapporterade händelser",
    totalName: TOTAL_NAME.handelser,
    short: "rapporterade händelser",
  },
};

/** "19 polisanmälda brott", "1 rapporterad händelse" (the number already formatted). */
export function measureCount(measure: Measure, count: number, formatted: string): string {
  return `${formatted} ${count === 1 ? MEASURE[measure].one : MEASURE[measure].many}`;
}

/** "polisanmälda brott och rapporterade händelser": the measures of one figure, in their fixed order. */
export function measureList(measures: ReadonlyArray<Measure>): string {
  const words = measures.map((m) => MEASURE[m].short);
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} och ${words.at(-1) ?? ""}`;
}

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
  trendHidden: "redovisas inte (dolt antal)",
  /** `okant` is not tested: an unknown area is nowhere to act. */
  trendNotTested: "prövas inte",
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
    /** `period`: "2024", "kvartal 3 2024" or "mars 2024" (incident-table.ts referencePeriod). */
    reference: (name: string, period: string) => `Jämfört med referensdata: ${name} ${period}, per 100 000 inv.`,
    trend: "Trend (mot samma tid tidigare år)",
    /** "Polisanmälda brott i hela kommunen, oktober 2026": a table holds one measure only. */
    caption: (measure: Measure, area: string, month: string) => `${MEASURE[measure].title} ${area.startsWith("i ") || area.startsWith("utan ") ? area : `i ${area}`}, ${month}`,
    note: (years: number) =>
      `Förändring jämförs med samma månad i fjol. Trenden jämför månaden med ${seasonPhrase(years)} (samma månad och månaderna före och efter).`,
    /** Under every table: both words of suppression in one sentence. */
    hiddenNote: (minCount: number) => (minCount > 1 ? hiddenWords(minCount) : ""),
    populationMissing: "Befolkningsuppgift saknas, så antal per 100 000 invånare kan inte beräknas.",
    otherGroup: "Övriga kategorier",
  },
  chart: {
    monthColumn: "Månad",
    yAxis: "Antal per månad",
    lastYearSuffix: "samma månad året innan",
    showTable: (title: string) => `Visa siffrorna i diagrammet som tabell: ${title}`,
    groupTitle: (group: string, area: string) => `${group}, ${area}`,
    /** A group chart of one measure, when the group's categories count different measures. */
    groupMeasureTitle: (group: string, measure: Measure, area: string) => `${group}: ${MEASURE[measure].short}, ${area}`,
    /** An area's chart: one line per measure's total, never their sum. */
    areaTitle: (area: string, measures: ReadonlyArray<Measure>) => `${capitaliseFirst(measureList(measures))}, ${area}`,
    caption: (title: string, what: string, now: string, before: string) =>
      `${title}: ${what} per månad. Heldragen linje: ${now}. Streckad linje med ofyllda punkter: samma månader året innan (${before}). Skuggat band: de antal som räknas som normal variation för årstiden. Luckor i en linje betyder att uppgift saknas eller döljs.`,
    /** Said in the caption of a chart with lines of several measures. */
    separateLines: "en linje för varje slag av uppgifter – de läggs aldrig ihop",
    legendLastYear: "Streckad linje, ofyllda punkter: samma månad året innan",
    legendBand: "Skuggat band: normal variation för årstiden",
    /** The phone variant's legend: a panel is 360 px wide, so the words are few. */
    phoneLegendNow: "Senaste 12 mån",
    phoneLegendLastYear: "Året innan (streckad)",
    phoneLegendBand: "Normal variation",
    /** A phone panel's title: the category, and what the axis counts. */
    phonePanelTitle: (name: string) => `${name}, antal per månad`,
    bandColumn: "normal variation för årstiden",
    tableCaption: (title: string, now: string) => `${title}, ${now}, och samma månader året innan`,
    altIntro: (what: string, title: string, now: string, before: string) =>
      `Linjediagram över ${what} per månad, ${title}, ${now}, jämfört med samma månader året innan (${before}).`,
    altLatest: (name: string, month: string, value: string, monthBefore: string, before: string, verdict: string | null) =>
      `${name}: ${value} i ${month} mot ${before} i ${monthBefore}${verdict ? ` – ${verdict}` : ""}.`,
    altRolling: (now: string, before: string) => `De senaste 12 månaderna ${now}, mot ${before} de 12 månaderna före.`,
  },
  area: {
    kommunIn: "i hela kommunen",
    okantIn: "utan angivet område",
    in: (name: string) => `i ${name}`,
    intro:
      "Samma siffror per område. Händelser som inte kunde knytas till något område redovisas under Okänt område. Små antal redovisas som ”färre än” ett gränsvärde för att skydda enskilda.",
  },
} as const;

/** Small numbers in words, as Swedish prose writes them ("de tre senaste åren"). */
export function yearsWord(years: number): string {
  return ["noll", "ett", "två", "tre"][years] ?? String(years);
}

/**
 * What the trend compares with, said once per page (spec: "jämfört med samma tid på året de senaste J åren").
 *
 * @example seasonPhrase(3) // "samma tid på året de senaste tre åren"
 */
export function seasonPhrase(years: number): string {
  return years === 1 ? "samma tid på året förra året" : `samma tid på året de senaste ${yearsWord(years)} åren`;
}

/**
 * The one sentence that explains both words of suppression (spec/indicators.md "Suppression"): said in
 * "Om statistiken" and under every table that can show them.
 */
export function hiddenWords(minCount: number): string {
  return `”${fewerThan(minCount)}” betyder 1–${minCount - 1} händelser; ”döljs” betyder att värdet (som kan vara stort) är dolt för att ett litet antal annars skulle kunna räknas fram ur summor och andra tal i rapporten.`;
}

/** "färre än 3": how a count hidden by suppression is shown. */
export function fewerThan(minCount: number): string {
  return `färre än ${minCount}`;
}

function capitaliseFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "1 polisanmält brott", "19 rapporterade händelser": the noun after a count of `measure`. */
export function incidentsNoun(count: number, measure: Measure): string {
  return count === 1 ? MEASURE[measure].one : MEASURE[measure].many;
}

/** Section 1's sentence on each measure's total for the whole kommun ("anmäld" only for brott). */
/** `where`: the place as it reads mid-sentence ("i hela kommunen", "i Centrum"; area-phrase.ts). */
export const SUMMARY_TOTAL: Record<Measure, { counted: (n: string, one: boolean, month: string, where?: string) => string; what: string }> = {
  brott: {
    counted: (n, _one, month, where = "i hela kommunen") => `${capitaliseFirst(where)} polisanmäldes ${n} brott i ${month}`,
    what: "polisanmälda brott",
  },
  "polisens-handelser": {
    counted: (n, one, month, where = "i hela kommunen") => `${capitaliseFirst(where)} publicerade polisen ${n} ${one ? "händelsenotis" : "händelsenotiser"} i ${month}`,
    what: "polisens händelsenotiser",
  },
  handelser: {
    counted: (n, one, month, where = "i hela kommunen") =>
      `${capitaliseFirst(where)} rapporterade kommunen och andra aktörer ${n} ${one ? "händelse" : "händelser"} i ${month}`,
    what: "rapporterade händelser",
  },
};
export const SUMMARY = {
  hidden: (what: string, month: string, where = "i hela kommunen") => `Antalet ${what} ${where} i ${month} redovisas inte eftersom det är litet.`,
  protects: (what: string, month: string, where = "i hela kommunen") => `Antalet ${what} ${where} i ${month} döljs, så att ett litet antal inte kan räknas fram.`,
  missing: (what: string, month: string, where = "i hela kommunen") => `Uppgift saknas om antalet ${what} ${where} i ${month}.`,
  lastYear: (n: string, month: string) => `, jämfört med ${n} i ${month}`,
  verdict: (words: string, season: string) => ` Det är en ${words} jämfört med ${season}.`,
  normal: (season: string) => ` Antalet ligger inom normal variation jämfört med ${season}.`,
  short: " Historiken är för kort för att bedöma om antalet avviker från det normala.",
} as const;

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
  ignore_list: "ignoreras enligt konfigurationen",
  other_kommun: "annan kommun",
  summary_event: "sammanfattande händelse",
  duplicate: "upprepad rad",
  superseded: "ersatt av en ändrad rad",
  blank: "tom rad",
  total_row: "summarad",
  suppressed_at_source: "uppgift saknas i källan (för få svar)",
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
  coversWithGaps: (from: string, to: string, gaps: readonly string[]) =>
    `Källan täcker ${from}–${to}, utom ${gaps.join(", ")} (uppgift saknas för ${gaps.length === 1 ? "den månaden" : "de månaderna"}).`,
  coversFrom: (from: string) => `Källan täcker perioden från ${from}.`,
  coversTo: (to: string) => `Källan täcker perioden till och med ${to}.`,
  coversUnknown: "Källans period är okänd.",
  noFiles: "Inga filer lästes från källan.",
  filesCaption: (id: string) => `Inlästa rader per fil, källa ${id}`,
  file: "Fil",
  read: "Lästa rader",
  accepted: "Godkända",
  ignored: "Ignorerade",
  rejected: "Avvisade",
  ignoredWhy: "Ignorerade, skäl:",
  rejectedWhy: "Avvisade, skäl:",
  notesHeading: "Att tänka på den här månaden",
  definitionsHeading: "Begrepp",
  /** One definition per measure the report uses, before the general ones (spec/cli.md "Measures"). */
  measureDefinitions: {
    brott: [
      "Polisanmälda brott",
      "Brott som anmälts till polisen och registrerats under månaden. Ett anmält brott är inte detsamma som ett begånget brott: många brott anmäls aldrig, och antalet anmälningar påverkas av hur mycket polis och andra är ute och upptäcker.",
    ],
    "polisens-handelser": [
      "Polisens händelsenotiser",
      "Händelser som polisen publicerat på polisen.se, till exempel larm och ingripanden. En notis är inte en brottsanmälan: polisen publicerar bara ett urval av händelserna, och en händelse kan leda till flera anmälda brott eller till inget.",
    ],
    handelser: [
      "Rapporterade händelser",
      "Händelser som kommunen och andra aktörer (till exempel kommunens felrapportering, räddningstjänsten och fältpersonalen) har registrerat. De är inte polisanmälda brott, och samma skadegörelse kan finnas både här och bland de polisanmälda brotten.",
    ],
  } satisfies Record<Measure, readonly [string, string]>,
  neverAdded: [
    "Olika slags uppgifter läggs inte ihop",
    "Polisanmälda brott, polisens händelsenotiser och rapporterade händelser räknas på olika sätt och kan gälla samma händelse. Därför har varje slag sin egen summa (till exempel ”Alla polisanmälda brott”), och ingen siffra i rapporten är en summa av olika slag.",
  ] satisfies readonly [string, string],
  /** "polis (händelser: polisanmälda brott)". */
  sourceMeasure: (kind: string, measure: Measure) => `${kind}: ${MEASURE[measure].short}`,
  definitions: [
    ["Samma månad i fjol", "Samma kalendermånad ett år tidigare."],
    ["Förändring", "Skillnaden mot samma månad i fjol, i antal och i procent. Procent räknas inte när jämförelsevärdet är 0."],
    ["Hittills i år", "Januari till och med rapportmånaden, jämfört med samma månader året innan."],
    ["Senaste 12 mån", "Summan av de tolv senaste månaderna, till och med rapportmånaden."],
    ["Per 100 000 invånare", "Antalet de senaste tolv månaderna delat med befolkningen, gånger 100 000. Det gör områden och kommuner av olika storlek jämförbara."],
    ["Okänt område", "Händelser som inte kunde knytas till något av områdena. De räknas med i hela kommunen."],
    ["Uppgift saknas", "Källan täcker inte perioden, så värdet är okänt. Det betyder inte att antalet är noll."],
  ] satisfies ReadonlyArray<readonly [string, string]>,
  trendHeading: "Hur vi avgör om en förändring är verklig",
  trendText: [
    "Antalet händelser varierar från månad till månad av slumpen, särskilt när antalen är små, och med årstiden: sommaren har andra brott än vintern. Därför jämförs varje månad med samma tid på året de senaste tre åren – samma månad och månaderna före och efter – med hänsyn till hur många dagar månaderna har.",
    "En ökning (eller minskning) utöver normal variation kräver två saker: att antalet är så högt (eller lågt) att det sällan skulle hända av ren slump, och att skillnaden mot genomsnittet är minst 3 händelser och minst 20 procent. Eftersom rapporten prövar många områden och kategorier varje månad skärps gränsen för slump så att högst ungefär var tjugonde markerad förändring väntas vara ett falsklarm. Annars ligger antalet inom normal variation, även om det är högre eller lägre än förra året.",
    "I diagrammen visar det skuggade bandet vilka antal som skulle räknas som normal variation för årstiden. Ett värde utanför bandet kan ändå bedömas som normalt när många prövningar görs samtidigt.",
  ],
  verdictMeaning: {
    increase: "fler än vad slumpen brukar ge",
    decrease: "färre än vad slumpen brukar ge",
    normal: "skillnaden kan vara slump",
    insufficient_history: "uppgifter saknas för samma tid förra året, så ingen bedömning görs",
  },
  suppressionHeading: "Små antal redovisas inte",
  suppressionText: (k: number, shown: string, all: boolean) =>
    `För att ingen enskild person ska kunna pekas ut redovisas antal under ${k} (men inte 0) i ${all ? "alla tabeller" : "områdena"} som ”${shown}”. ${hiddenWords(k)} Förändringar, tal per 100 000 och trendens siffror som bygger på ett dolt värde visas också som ”döljs”. ”Uppgift saknas” betyder att källan inte täcker perioden. Nollor visas, utom när en nolla måste döljas för att skydda ett litet antal.`,
  noSuppression: "Alla antal redovisas, även små.",
  generatedHeading: "Om rapporten",
} as const;

/** The archive page, `reports/index.html`. */
export const ARCHIVE = {
  heading: "Alla månader",
  intro: "Varje månads lägesbild med dess huvudsiffror för hela kommunen, en rad för varje slag av uppgifter (de läggs aldrig ihop). Välj en månad för hela rapporten.",
  caption: "Publicerade månader, senaste först",
  month: "Månad",
  measure: "Vad som räknas",
  total: "Antal i hela kommunen",
  /** An entry published before measures were recorded. */
  unknownMeasure: "händelser",
  change: "Förändring mot samma månad i fjol",
  trend: "Trend (mot samma tid tidigare år)",
  hidden: "redovisas inte",
  empty: "Inga månader är publicerade ännu.",
  feed: "Prenumerera på nya lägesbilder (Atom-flöde)",
} as const;

/** Section 5b, Analys och kommentarer (the analysts' own text). */
export const COMMENTARY = {
  title: "Analys och kommentarer",
  note: "Texten är skriven av kommunens och polisens analytiker. Siffrorna i övriga avsnitt tas fram automatiskt ur källorna.",
} as const;

/** Section 4, Fältrapporter. */
export const FIELD = {
  title: "Fältrapporter",
  intro:
    "Fältassistenter, nattvandrare, trygghetsvärdar, ordningsvakter och polis rapporterar vad de ser när de är ute. Hur mycket som syns beror på hur länge de var ute: en månad med dubbelt så många timmar i fält ger ofta dubbelt så många observationer utan att något har förändrats. Därför visar vi varje observation både som antal och som antal per 10 timmar i fält – det är det senare som går att jämföra mellan månader och områden.",
  noData: "Inga fältrapporter för månaden.",
  hoursCaption: (month: string) => `Tid i fält per område, ${month}`,
  area: "Område",
  hours: "Timmar i fält",
  shifts: "Pass",
  obsCaption: (area: string, month: string) => `Observationer ${area}, ${month}: antal och per 10 timmar i fält`,
  observation: "Observation",
  count: "Antal",
  per10h: "Per 10 timmar i fält",
  lastYearPer10h: (month: string) => `Per 10 timmar i fält, ${month}`,
  noHours: "inga timmar i fält",
  perAreaHeading: "Observationer per område",
  perAreaCaption: (month: string) => `Observationer per område, ${month}: antal (per 10 timmar i fält)`,
  cell: (count: string, per10h: string | null) => (per10h === null ? `${count} (inga timmar)` : `${count} (${per10h} per 10 tim.)`),
  activitiesHeading: "Aktiviteter",
  activitiesIntro: (month: string) => `Genomförda aktiviteter i hela kommunen i ${month} (antal rapporterade pass):`,
  noActivities: "Inga aktiviteter rapporterades.",
} as const;

/** Observation types and activities with Swedish names; others are shown by their id, tidied. */
export const OBSERVATION_NAMES: Record<string, string> = {
  ungdomar_samlade: "Ungdomar som samlats",
  berusade: "Berusade personer",
  narkotika: "Tecken på narkotika",
  skadegorelse: "Skadegörelse",
  nedskrapning: "Nedskräpning",
  klotter: "Klotter",
  brand: "Bränder",
};
export const ACTIVITY_NAMES: Record<string, string> = {
  trygghetsvandring: "Trygghetsvandring",
  "riktad-insats": "Riktad insats",
  medborgardialog: "Medborgardialog",
  patrull: "Patrullering",
};
export function idName(names: Record<string, string>, id: string): string {
  const known = names[id];
  if (known !== undefined) return known;
  const words = id.replace(/[_-]+/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Section 5, Trygghetsmätning. */
export const SURVEY = {
  title: "Trygghetsmätning",
  intro:
    "Trygghetsmätningen är en enkät där invånare svarar på hur trygga de känner sig och hur stora problem de ser i sitt område. Den görs inte varje månad, så här visas den senaste mätningen som är publicerad, med sitt mätår, och jämförelsen med mätningen innan.",
  indexNote: "Problemindex går från 0 till 6: ju lägre värde, desto mindre problem upplever de svarande.",
  noData: "Ingen trygghetsmätning är publicerad ännu.",
  caption: (name: string) => `${name}: senaste mätning per område`,
  area: "Område",
  year: "Mätår",
  value: "Värde",
  band: "Nivå",
  previous: "Föregående mätning",
  change: "Förändring",
  n: "Antal svarande",
  uncertain: "osäker skattning",
  uncertainNote: "”Osäker skattning” betyder att färre än 30 har svarat, så värdet kan skilja sig mycket från hur det egentligen är.",
  /** Beside a change that rests on an uncertain estimate, in the table and the chart. */
  fewAnswers: "osäker: få svar",
  fewAnswersNote:
    "”Osäker: få svar” vid en förändring betyder att den senaste mätningen bygger på färre än 30 svar: förändringen kan bero på slumpen i vilka som svarade. I diagrammet visas en sådan mätning med en stor ofylld punkt.",
  percentPoints: "procentenheter",
  indexPoints: "indexenheter",
  indexOf: "av 6",
  valueHeading: (unit: "percent" | "index_0_6") => (unit === "percent" ? "Värde (andel, %)" : "Värde (index 0–6)"),
  changeHeading: (unit: "percent" | "index_0_6") => (unit === "percent" ? "Förändring (procentenheter)" : "Förändring (indexenheter)"),
  chartLegendFewAnswers: "Stor ofylld punkt: osäker, färre än 30 svar",
  chartPointFewAnswers: "få svar",
  chartCaptionFewAnswers: "En stor ofylld punkt märkt ”få svar” bygger på färre än 30 svar och är en osäker skattning.",
  suppressed: "för få svar",
  suppressedAtSource: "uppgift saknas (för få svar)",
  headingStale: (name: string, year: number) => `${name} – senaste mätningen: ${year}`,
  suppressedNote: "Andelar som bygger på färre än 10 svar redovisas inte.",
  interval: (low: string, high: string) => `troligen mellan ${low} och ${high}`,
  intervalNote: "För andelar som räknats fram ur enkätsvaren anges ett intervall där det verkliga värdet med 95 % säkerhet ligger.",
  noValue: "uppgift saknas",
  noPrevious: "ingen tidigare mätning",
  yearColumn: "Mätår",
  yAxisIndex: "Index 0–6",
  yAxisPercent: "Procent",
  chartCaption: (name: string, first: number, last: number) => `${name} per område, mätåren ${first}–${last}.`,
  chartAlt: (name: string, first: number, last: number, latest: string) =>
    `Linjediagram över ${name} per område i trygghetsmätningarna ${first}–${last}. Senaste mätningen: ${latest}.`,
  chartTableCaption: (name: string) => `${name} per mätår och område`,
  /** The kommun beside riket/länet (aggregate/survey-reference.ts): a verdict only beyond both margins. */
  reference: {
    tryggare: (kommun: string, ref: string) => `${kommun} är tryggare än ${ref} i genomsnitt`,
    otryggare: (kommun: string, ref: string) => `${kommun} är otryggare än ${ref} i genomsnitt`,
    figures: (name: string, value: string, year: number, ref: string, refValue: string, refYear: number) =>
      `${name} ${value} (${year}) mot ${refValue} för ${ref} (${refYear})`,
    beyond: "skillnaden är större än felmarginalen i båda mätningarna.",
    within: "skillnaden är inte större än felmarginalen i mätningarna, så ingen säker skillnad kan visas.",
    unknown: (ref: string) => `felmarginalen är inte känd för båda mätningarna, så det går inte att säga om kommunen är tryggare eller otryggare än ${ref}.`,
    rule: "Kommunen kallas tryggare eller otryggare än riket eller länet bara när skillnaden är större än de båda mätningarnas felmarginaler (95 %) tillsammans.",
  },
} as const;

/** Section 6, Medborgarlöften och åtgärder. */
export const PROMISES = {
  title: "Medborgarlöften och åtgärder",
  promisesHeading: "Medborgarlöften",
  promisesIntro:
    "Medborgarlöften är det som polisen och kommunen lovat invånarna att göra under en period. Uppföljningen bygger på fältrapporterna.",
  noPromises: "Inga medborgarlöften följs upp i rapporten.",
  target: (target: number, period: string) => `Mål: ${target} under ${period}.`,
  done: (done: number, target: number) => `${done} av ${target}`,
  doneLabel: (done: number, target: number) => `Genomfört ${done} av ${target}`,
  expected: (expected: string) => `Enligt planen borde ungefär ${expected} vara gjort vid den här tiden.`,
  status: "Läge:",
  actionsHeading: "Åtgärdsplan",
  actionsIntro: "Åtgärderna i kommunens och polisens gemensamma plan, med senaste kända läge.",
  noActions: "Inga åtgärder har registrerats ännu.",
  actionsCaption: (month: string) => `Åtgärdernas läge vid utgången av ${month}`,
  action: "Åtgärd",
  responsible: "Ansvarig",
  actionStatus: "Läge",
  since: "Sedan",
  comment: "Kommentar",
  countsIntro: (total: number) => `Planen har ${total} ${total === 1 ? "åtgärd" : "åtgärder"}:`,
} as const;

/** Promise statuses with a symbol, so the meaning never rests on colour. */
export const PROMISE_SYMBOL: Record<keyof typeof PROMISE_STATUS, string> = {
  uppfyllt: "✔",
  i_fas: "●",
  efter_plan: "▼",
  ej_uppfyllt: "✖",
  ej_startat: "○",
};

/** Action statuses (spec/inputs.md "Actions") in words: singular and plural. */
export const ACTION_STATUS: Record<string, { one: string; many: string; symbol: string }> = {
  genomford: { one: "genomförd", many: "genomförda", symbol: "✔" },
  pagar: { one: "pågår", many: "pågår", symbol: "●" },
  ej_paborjad: { one: "inte påbörjad", many: "inte påbörjade", symbol: "○" },
  stoppad: { one: "stoppad", many: "stoppade", symbol: "✖" },
};

/** Who is responsible, as a resident reads it. */
export const RESPONSIBLE: Record<string, string> = {
  kommun: "Kommunen",
  polis: "Polisen",
  gemensamt: "Kommunen och polisen gemensamt",
};

/** The maps in section 3, Per område (map-figure.ts). */
export const MAP = {
  heading: "Kartor",
  intro:
    "Kartorna visar för varje grupp av kategorier antalet per 100 000 invånare under de senaste 12 månaderna i varje område – samma mått som kolumnen ”Per 100 000 inv.” i tabellerna – och trenden i varje område. Polisanmälda brott, polisens händelsenotiser och rapporterade händelser läggs aldrig ihop: varje slag har sina egna kartor med en gemensam färgskala, så att samma färg betyder samma antal på alla kartor av samma slag. Mörkare färg betyder fler. När en kategori i gruppen har så få händelser att antalet inte redovisas (för att skydda enskilda) visas ett intervall, t.ex. 5–6; området är randat när intervallet inte ryms i en färg eller när det handlar om färre än 3 händelser. Kartorna visar bara områden, aldrig platsen för en enskild händelse. Samma siffror finns i en tabell under varje karta.",
  notAvailable: "uppgift saknas",
  hidden: "döljs",
  legendHeading: "Teckenförklaring",
  legendUnder: (x: string) => `under ${x}`,
  legendBetween: (a: string, b: string) => `${a} till under ${b}`,
  legendAtLeast: (x: string) => `${x} eller fler`,
  legendAll: "alla områden",
  legendHidden: (fewer: string) => `randat: ${fewer} i någon kategori, så siffran redovisas bara som intervall eller inte alls`,
  legendUnavailable: "uppgift saknas (vit)",
  /** The maps' measure: the tables' "per 100 000" (12 months), never the month's own rate. */
  unitRate: (m: Measure) => `${MEASURE[m].short} per 100 000 invånare under de senaste 12 månaderna`,
  unitCount: (m: Measure) => `${MEASURE[m].short} under de senaste 12 månaderna`,
  /** Heading of a set of maps sharing one scale: "Polisanmälda brott per 100 000 invånare under … (nov 2025–okt 2026)". */
  setHeading: (unit: string, period: string) => `${capitaliseFirst(unit)} (${period})`,
  trendSetHeading: (month: string) => `Trend per område, ${month}`,
  groupTitle: (group: string, unit: string, period: string) => `Karta: ${group}, ${unit}, per område, ${period}`,
  groupSubtitle: (unit: string, period: string) => `${unit}, ${period}`,
  groupDesc: (unit: string, period: string, list: string) => `Karta över ${unit} (${period}), per område: ${list}.`,
  trendHeading: (measure: Measure) => `Trend: ${MEASURE[measure].totalName.toLowerCase()}`,
  trendTitle: (measure: Measure, month: string) => `Karta: trend per område, ${MEASURE[measure].totalName.toLowerCase()}, ${month}`,
  trendCaption: (measure: Measure) =>
    `Trenden för ${MEASURE[measure].totalName.toLowerCase()} tillsammans i varje område: månaden jämförd med samma tid på året tidigare år.`,
  trendDesc: (measure: Measure, month: string, list: string) =>
    `Karta över trenden i ${month} per område, ${MEASURE[measure].totalName.toLowerCase()}: ${list}.`,
  verdictShort: {
    increase: "▲ ökning",
    decrease: "▼ minskning",
    normal: "● normal",
    insufficient_history: "○ kort historik",
  },
  trendHidden: "redovisas inte",
  legendTrendHidden: "redovisas inte, för få händelser (randat)",
  notOnMap: "visas inte på kartan",
  showTable: (title: string) => `Visa siffrorna i kartan som tabell: ${title}`,
  tableCaption: (title: string) => `Siffrorna i kartan: ${title}`,
  area: "Område",
  count: (m: Measure) => `${capitaliseFirst(MEASURE[m].short)}, senaste 12 mån`,
  rate: "Per 100 000 invånare, senaste 12 mån",
  trend: "Trend (mot samma tid tidigare år)",
} as const;

/** The area pages and the month page's table of all areas (issue 20: a kommun with hundreds of areas). */
export const AREA_PAGES = {
  intro:
    "Varje område har en egen sida med sina tabeller, sitt diagram och sina trender. Välj ditt område i tabellen. Händelser som inte kunde knytas till något område redovisas under Okänt område.",
  overviewCaption: (month: string) => `Alla områden, ${month}: per 100 000 invånare de senaste 12 månaderna, förändring och trend`,
  areaColumn: "Område (länk till områdets sida)",
  rateColumn: "Per 100 000 inv. (senaste 12 mån)",
  changeColumn: "Förändring mot föregående 12 mån",
  trendColumn: (month: string) => `Trend i ${month}`,
  overviewNote:
    "Förändringen jämför de senaste 12 månaderna med de 12 månaderna före. Trenden jämför månaden med samma tid på året tidigare år.",
  /** The summary's last sentence when more changes passed the test than it names one by one. */
  moreChanges: (n: string, one: boolean) =>
    one ? "Ytterligare en förändring utöver normal variation finns i " : `Ytterligare ${n} förändringar utöver normal variation finns i `,
  /** The month page's field and survey sections show the kommun's figures; the areas' are on their pages. */
  perAreaElsewhere: "Siffrorna för varje område finns på områdets egen sida (se Per område).",
  breadcrumbMonth: (month: string) => `Lägesbild ${month}`,
  pageTitle: (area: string, month: string) => `${area} – ${month}`,
  figuresHeading: "Siffror",
  back: (month: string) => `Tillbaka till lägesbilden för ${month}`,
  aboutLink: "Om statistiken: källor, definitioner och hur trenden prövas",
} as const;
