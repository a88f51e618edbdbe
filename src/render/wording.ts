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
  trendHidden: "redovisas inte (dolt antal)",
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
    areaTitle: (area: string) => `Alla kategorier, ${area}`,
    caption: (title: string, now: string, before: string) =>
      `${title}: anmälda händelser per månad. Heldragen linje: ${now}. Streckad linje med ofyllda punkter: samma månader året innan (${before}). Luckor i en linje betyder att uppgift saknas eller döljs.`,
    legendLastYear: "Streckad linje, ofyllda punkter: samma månad året innan",
    tableCaption: (title: string, now: string) => `${title}, ${now}, och samma månader året innan`,
    altIntro: (title: string, now: string, before: string) =>
      `Linjediagram över anmälda händelser per månad, ${title}, ${now}, jämfört med samma månader året innan (${before}).`,
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
    `För att ingen enskild person ska kunna pekas ut redovisas antal under ${k} (men inte 0) i ${all ? "alla tabeller" : "områdena"} som ”${shown}”. ${hiddenWords(k)} Förändringar, tal per 100 000 och trendens siffror som bygger på ett dolt värde visas också som ”döljs”. ”Uppgift saknas” betyder att källan inte täcker perioden. Nollor visas, utom när en nolla måste döljas för att skydda ett litet antal.`,
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
  suppressed: "för få svar",
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
    "Kartorna visar månadens anmälda händelser per område för varje grupp av kategorier, och trenden i varje område. Mörkare färg betyder fler händelser. När en kategori i gruppen har så få händelser att antalet inte redovisas (för att skydda enskilda) visas ett intervall, t.ex. 5–6; området är randat när intervallet inte ryms i en färg eller när det handlar om färre än 3 händelser. Kartorna visar bara områden, aldrig platsen för en enskild händelse. Samma siffror finns i en tabell under varje karta.",
  notAvailable: "uppgift saknas",
  hidden: "döljs",
  legendHeading: "Teckenförklaring",
  legendUnder: (x: string) => `under ${x}`,
  legendBetween: (a: string, b: string) => `${a} till under ${b}`,
  legendAtLeast: (x: string) => `${x} eller fler`,
  legendAll: "alla områden",
  legendHidden: (fewer: string) => `randat: ${fewer} i någon kategori, så siffran redovisas bara som intervall eller inte alls`,
  legendUnavailable: "uppgift saknas (vit)",
  unitRate: "anmälda händelser per 100 000 invånare under månaden",
  unitCount: "anmälda händelser under månaden",
  groupTitle: (group: string, month: string) => `Karta: ${group} per område, ${month}`,
  groupCaption: (group: string, unit: string) => `${group}: ${unit}, per område. Mörkare färg betyder fler.`,
  groupDesc: (unit: string, month: string, list: string) => `Karta över ${unit} i ${month}, per område: ${list}.`,
  trendTitle: (month: string) => `Karta: trend per område, alla kategorier, ${month}`,
  trendCaption: "Trenden för alla kategorier tillsammans i varje område: månaden jämförd med de tolv månaderna före.",
  trendDesc: (month: string, list: string) => `Karta över trenden i ${month} per område, alla kategorier: ${list}.`,
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
  count: "Anmälda händelser",
  rate: "Per 100 000 invånare",
  trend: "Trend (jämfört med senaste 12 mån)",
} as const;
