/**
 * The fictional Exempelkommun: areas, the labels each source writes, and the rates behind them.
 * Rates are events per month for the whole kommun, sized for ~25 000 inhabitants from Brå's national
 * per-100 000 levels (a small town sits a little below the national average). The labels and category
 * ids here must match config/lagesbild.yaml; test/unit/scripts/sample-data.test.ts checks that they do.
 */

export const SEED = "exempelkommun-2026";
export const FIRST_MONTH = "2023-01";
/** The sample's report month: its story (one real change, one within noise) is built into this month. */
export const LATEST_MONTH = "2026-10";

export type AreaId = "centrum" | "norrby" | "hamnen" | "skogsberga" | "ljungdal";
export const OKANT = "okant";
export type AreaOrOkant = AreaId | typeof OKANT;

export interface AreaModel {
  id: AreaId;
  name: string;
  population: number;
  aliases: string[];
}

export const AREAS: ReadonlyArray<AreaModel> = [
  { id: "centrum", name: "Centrum", population: 5200, aliases: ["Stationsområdet", "Stora torget"] },
  { id: "norrby", name: "Norrby", population: 6100, aliases: ["Norrby centrum", "Norrbyskolan"] },
  { id: "hamnen", name: "Hamnen", population: 2300, aliases: ["Gästhamnen", "Hamnplan"] },
  { id: "skogsberga", name: "Skogsberga", population: 7400, aliases: ["Skogsberga villaområde"] },
  { id: "ljungdal", name: "Ljungdal", population: 3900, aliases: ["Ljungdals by", "Ljungdal landsbygd"] },
];

/** Where a kind of event happens, relative to population: shops and nightlife in Centrum, villas burgled in Skogsberga… */
type AreaWeights = Readonly<Record<AreaId, number>>;
const W = {
  violence: { centrum: 2.0, norrby: 1.3, hamnen: 1.3, skogsberga: 0.6, ljungdal: 0.5 },
  theft: { centrum: 2.4, norrby: 1.0, hamnen: 0.9, skogsberga: 0.5, ljungdal: 0.4 },
  bike: { centrum: 2.0, norrby: 1.2, hamnen: 1.0, skogsberga: 0.7, ljungdal: 0.3 },
  burglary: { centrum: 0.6, norrby: 0.8, hamnen: 0.7, skogsberga: 1.3, ljungdal: 1.4 },
  vandalism: { centrum: 1.8, norrby: 1.4, hamnen: 1.3, skogsberga: 0.6, ljungdal: 0.4 },
  graffiti: { centrum: 1.7, norrby: 1.4, hamnen: 1.8, skogsberga: 0.5, ljungdal: 0.3 },
  fire: { centrum: 0.8, norrby: 1.8, hamnen: 1.2, skogsberga: 0.7, ljungdal: 0.7 },
  litter: { centrum: 1.6, norrby: 1.2, hamnen: 1.8, skogsberga: 0.6, ljungdal: 0.6 },
  drugs: { centrum: 1.8, norrby: 1.4, hamnen: 1.2, skogsberga: 0.6, ljungdal: 0.5 },
  driving: { centrum: 0.9, norrby: 0.8, hamnen: 0.8, skogsberga: 1.0, ljungdal: 1.8 },
  even: { centrum: 1, norrby: 1, hamnen: 1, skogsberga: 1, ljungdal: 1 },
} satisfies Record<string, AreaWeights>;

/** Relative weight of each hour 0–23. */
export const HOURS = {
  night: [6, 5, 4, 3, 2, 1, 1, 1, 1, 1, 2, 2, 3, 3, 3, 3, 4, 4, 5, 6, 7, 8, 8, 7],
  day: [1, 1, 0.5, 0.5, 0.5, 1, 2, 4, 6, 7, 8, 8, 8, 8, 8, 8, 8, 7, 6, 5, 4, 3, 2, 1],
  evening: [4, 4, 3, 2, 1, 1, 1, 2, 3, 3, 4, 4, 4, 4, 5, 5, 6, 6, 7, 7, 7, 7, 6, 5],
} as const;
/** Relative weight per weekday, Sunday first (Date#getUTCDay order): fights cluster on weekend nights. */
export const WEEKDAYS = {
  flat: [1, 1, 1, 1, 1, 1, 1],
  weekend: [1.3, 0.8, 0.8, 0.9, 1.0, 1.5, 1.7],
} as const;

export interface LabelModel {
  /** The label exactly as the source writes it. */
  label: string;
  /** The config's category id, or null for a label the config deliberately ignores. */
  category: string | null;
  /** Events (rows) per month for the whole kommun, before season and trend. */
  rate: number;
  /** Seasonal amplitude and peak month: factor 1 + amp·cos(2π(month − peak)/12). */
  season?: { amp: number; peak: number };
  /** Relative change per year from 2023. */
  trend?: number;
  areas: AreaWeights;
  hours: keyof typeof HOURS;
  weekdays?: keyof typeof WEEKDAYS;
  /** Distribution of the `count` column (kommun log): probabilities of 1, 2, 3, … */
  counts?: ReadonlyArray<number>;
}

const summer = (amp: number) => ({ amp, peak: 7 });
const winter = (amp: number) => ({ amp, peak: 12 });

export const POLICE_LABELS: ReadonlyArray<LabelModel> = [
  { label: "Misshandel", category: "misshandel", rate: 13, season: summer(0.1), areas: W.violence, hours: "night", weekdays: "weekend" },
  { label: "Misshandel, grov", category: "misshandel", rate: 1.5, areas: W.violence, hours: "night", weekdays: "weekend" },
  { label: "Olaga hot", category: "olaga-hot", rate: 12, areas: W.violence, hours: "evening" },
  { label: "Ofredande", category: "ofredande", rate: 7, season: summer(0.1), areas: W.violence, hours: "evening" },
  { label: "Stöld", category: "stold", rate: 55, season: summer(0.05), trend: -0.03, areas: W.theft, hours: "day" },
  { label: "Snatteri", category: "stold", rate: 30, season: winter(0.1), trend: -0.03, areas: W.theft, hours: "day" },
  { label: "Cykelstöld", category: "stold", rate: 18, season: summer(0.6), areas: W.bike, hours: "day" },
  { label: "Inbrott", category: "inbrott", rate: 8.5, season: winter(0.3), areas: W.burglary, hours: "day" },
  { label: "Försök till inbrott", category: "inbrott", rate: 2, season: winter(0.3), areas: W.burglary, hours: "day" },
  { label: "Skadegörelse", category: "skadegorelse", rate: 30, season: summer(0.25), areas: W.vandalism, hours: "night", weekdays: "weekend" },
  { label: "Narkotikabrott", category: "narkotika", rate: 18, trend: 0.05, areas: W.drugs, hours: "evening" },
  { label: "Rattfylleri", category: "rattfylleri", rate: 5, season: summer(0.15), areas: W.driving, hours: "evening", weekdays: "weekend" },
  { label: "Grovt rattfylleri", category: "rattfylleri", rate: 1.5, areas: W.driving, hours: "evening", weekdays: "weekend" },
  // In the export but deliberately outside this lägesbild: the config lists them under `ignore`.
  { label: "Trafikolycka", category: null, rate: 12, season: winter(0.15), areas: W.driving, hours: "day" },
  { label: "Bedrägeri", category: null, rate: 22, areas: W.even, hours: "day" },
  { label: "Bedrägeri, grovt", category: null, rate: 1, areas: W.even, hours: "day" },
  { label: "Övrigt", category: null, rate: 4, areas: W.even, hours: "day" },
];

export const KOMMUN_LABELS: ReadonlyArray<LabelModel> = [
  { label: "Skadegörelse", category: "skadegorelse-kommun", rate: 14, season: summer(0.3), areas: W.vandalism, hours: "day", counts: [0.9, 0.1] },
  { label: "Klotter", category: "klotter", rate: 12, season: summer(0.35), trend: 0.04, areas: W.graffiti, hours: "day", counts: [0.55, 0.2, 0.12, 0.08, 0.05] },
  { label: "Brand", category: "brand", rate: 1.8, season: { amp: 0.4, peak: 6 }, areas: W.fire, hours: "night" },
  { label: "Anlagd brand", category: "brand", rate: 1.2, season: summer(0.5), areas: W.fire, hours: "night" },
  { label: "Nedskräpning", category: "nedskrapning", rate: 9, season: summer(0.5), areas: W.litter, hours: "day" },
];

/** A label deliberately in neither `categories` nor `ignore`: the run summary must show it as unknown. */
export const UNKNOWN_POLICE_LABEL = "Våld eller hot mot tjänsteman";

export type SourceId = "polis" | "kommun";

export interface SourceModel {
  id: SourceId;
  labels: ReadonlyArray<LabelModel>;
  /** Share of events with no usable area (empty cell or an address) → "okänt område". */
  okantShare: number;
}

export const SOURCES: Readonly<Record<SourceId, SourceModel>> = {
  polis: { id: "polis", labels: POLICE_LABELS, okantShare: 0.02 },
  kommun: { id: "kommun", labels: KOMMUN_LABELS, okantShare: 0.01 },
};

/** Expected rows of one label in one area (or okänt område) in one month. */
export function expectedRows(source: SourceModel, label: LabelModel, area: AreaOrOkant, month: string): number {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const season = label.season ? 1 + label.season.amp * Math.cos((2 * Math.PI * (m - label.season.peak)) / 12) : 1;
  const trend = Math.pow(1 + (label.trend ?? 0), year - 2023);
  const base = label.rate * season * trend;
  if (area === OKANT) return base * source.okantShare;
  let total = 0;
  for (const a of AREAS) total += a.population * label.areas[a.id];
  const own = AREAS.find((a) => a.id === area);
  if (!own) throw new Error(`unknown area ${area}`);
  return (base * (1 - source.okantShare) * own.population * label.areas[area]) / total;
}

export const AREA_KEYS: ReadonlyArray<AreaOrOkant> = [...AREAS.map((a) => a.id), OKANT];
