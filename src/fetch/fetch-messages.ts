/** What `lagesbild hamta polisen` says (Swedish), kept in one place. */

/** Seconds as a Swede writes them: decimal comma ("0,5"). */
const sec = (seconds: number): string => String(Math.round(seconds * 10) / 10).replace(".", ",");

export const fetchMessages = {
  dns: (host: string) => `namnet ${host} kunde inte slås upp (DNS); kontrollera nätverket och adressen i fetch.url`,
  refused: (host: string) => `anslutningen till ${host} nekades`,
  reset: (host: string) => `anslutningen till ${host} bröts`,
  network: (host: string, detail: string) => `nätverksfel mot ${host} (${detail})`,
  timeout: (seconds: number) => `inget fullständigt svar inom ${sec(seconds)} s (fetch.timeout_seconds)`,
  status: (status: number, text: string) => `servern svarade ${status}${text ? ` ${text}` : ""}`,
  tooMany: (retryAfter: string | null) =>
    `servern svarade 429 (för många anrop)${retryAfter === null ? "" : `, Retry-After: ${retryAfter}`}`,
  notJson: (detail: string) => `svaret är inte giltig JSON (${detail}); det kan ha brutits av`,
  tooLarge: (mib: number) => `svaret är större än ${mib} MiB – inget svar från händelse-API:et (fel adress i fetch.url?)`,
  notArray: () => "svaret är inte en lista med händelser",
  empty: () => "svaret är en tom lista (polisens lista är aldrig tom; troligen ett fel hos servern)",
  badEvent: (position: number) => `händelse nr ${position} i svaret saknar id eller är inget objekt`,
  waitTooLong: (seconds: number, max: number) =>
    `servern ber oss vänta ${sec(seconds)} s, längre än fetch.max_wait_seconds (${sec(max)} s); nästa schemalagda hämtning försöker igen`,
  failed: (sourceId: string, attempts: number, reason: string) =>
    `Hämtningen till källan ${sourceId} misslyckades efter ${attempts} försök: ${reason}. ` +
    "Arkivet är orört; nästa hämtning försöker igen.",
  notBefore: (sourceId: string, until: string) =>
    `Hämtningen till källan ${sourceId} väntar: polisen.se bad oss (Retry-After) att inte fråga före ${until}, så ingen fråga skickades. ` +
    "Arkivet är orört; nästa schemalagda hämtning efter den tiden försöker igen.",
  retrying: (attempt: number, reason: string, seconds: number) => `Försök ${attempt} misslyckades (${reason}); försöker igen om ${sec(seconds)} s.`,
  noSource: (configPath: string) =>
    `Ingen källa i ${configPath} har fetch: lägg till fetch (url, user_agent) under en källa med format: polisen-events (se README "Hämta polisens händelser").`,
  gap: (from: string, to: string) =>
    `Glapp: äldsta händelsen i svaret (${to}) är nyare än den senaste hämtningen (${from}); händelser publicerade däremellan kan saknas. Glappet är antecknat i hämtloggen och visas i rapporten.`,
};
