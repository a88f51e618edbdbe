/** The Swedish words of a group's comparison page, archive and feed (one place, as wording.ts). */
export const COMPARISON = {
  kommun: "Kommun",
  /** The population the rates divide by: the month's year's, else the nearest earlier (the kommun's report says which). */
  population: "Folkmängd",
  last12: "senaste 12 mån",
  count: "Antal",
  per100k: "Per 100 000 inv.",
  change: "Förändring mot 12 mån innan",
  trend: "Trend (mot samma tid tidigare år)",
  survey: "Trygghetsmätning, senaste (år)",
  noReport: "Ingen rapport för månaden (se körningens sammanfattning).",
  lanCode: (code: string) => `Län ${code}`,
  sortLabel: "Ordning",
  orders: { lan: "län och kommun", rate: "högst antal per 100 000 först" },
  intro: (n: number, window: string) =>
    `${n === 1 ? "En kommun" : `${n} kommuner`} jämförda över de senaste 12 månaderna (${window}). Välj en kommun för dess hela lägesbild.`,
  rateRule:
    "Antal per 100 000 invånare är antalet de senaste 12 månaderna delat med kommunens folkmängd för rapportmånadens år, gånger 100 000 – samma tal som i kommunens egen rapport. Olika slags uppgifter redovisas var för sig och läggs aldrig ihop.",
  caption: (group: string, month: string, byRate: boolean) => `${group}: kommunerna ${month}${byRate ? ", högst antal per 100 000 först" : ""}`,
  note: "Trenden prövar månaden mot samma tid tidigare år i varje kommun för sig; ”inom normal variation” betyder att skillnaden kan vara slump. Ett tal som döljs i kommunens rapport visas inte här heller.",
  categoriesHeading: "Per kategori",
  categoriesIntro: (window: string) => `Antal per 100 000 invånare per kategori, senaste 12 månaderna (${window}).`,
  categoriesCaption: (window: string) => `Antal per 100 000 invånare per kategori, ${window}`,
  csvLink: "Jämförelsens siffror som CSV för Excel (jamforelse.csv)",
  backToGroup: "Alla kommuner och jämförelser",
  archiveIntro: "Kommunernas lägesbilder och en jämförelse mellan dem för varje månad.",
  kommunerHeading: "Kommunernas lägesbilder",
  monthsHeading: "Jämförelser per månad",
  monthsEmpty: "Ingen jämförelse är publicerad ännu.",
  feed: "Prenumerera på nya jämförelser (Atom-flöde)",
  feedEntry: (group: string, month: string) => `Jämförelse ${month}: ${group}`,
  feedSummary: (n: number, month: string) => `${n} kommuner jämförda per 100 000 invånare, senaste 12 månaderna till och med ${month}.`,
} as const;
