/**
 * The archive page's "Öppna data" block: the link to `serie.csv` (serie-csv.ts) and the short data
 * description a journalist needs to use it without asking (issue 16 item 7): what each column holds,
 * the unit, and what "dold" and "saknas" mean, with the suppression rule in the same words as the
 * report's "Om statistiken".
 */
import type { Config } from "../config/load-config.ts";
import { html, type SafeHtml } from "./html.ts";
import { SERIE_FILE } from "./serie-csv.ts";

const OPEN_DATA = {
  heading: "Öppna data: hela tidsserien",
  link: "Ladda ned alla månader som CSV (serie.csv)",
  intro:
    "Filen innehåller varje publicerad månad, varje område och varje kategori (och summorna) med en rad var – samma siffror som i månadernas rapporter, så som de publicerades. En reviderad månad finns med i sin senaste version.",
  format:
    "Tecken i UTF-8, semikolon mellan kolumnerna och decimalkomma, så att filen öppnas rätt direkt i Excel. Varje månad har dessutom alla sina siffror i en egen fil (indicators.csv och indicators.json) i månadens mapp.",
  columnsHeading: "Kolumner",
  columns: (minCount: number): ReadonlyArray<readonly [string, string]> => [
    ["manad", "Månaden, skriven ÅÅÅÅ-MM (till exempel 2024-03)."],
    ["omrade_id, omrade", "Områdets kod och namn. kommun är hela kommunen; okant är händelser som inte kunde knytas till något område."],
    ["kategori_id, kategori", "Kategorins kod och namn. total (eller total:brott och liknande) är summan av kategorierna med samma mått."],
    [
      "matt, matt_namn",
      "Vad som räknas: brott = polisanmälda brott, polisens-handelser = polisens händelsenotiser, handelser = händelser rapporterade av kommunen och andra. Lägg aldrig ihop rader med olika mått.",
    ],
    ["antal", "Antal under månaden (inte per invånare). Tom när status är något annat än varde."],
    [
      "status",
      `varde = antalet redovisas; dold_litet = färre än ${minCount}, redovisas inte för att skydda enskilda; dold_skyddar = döljs för att ett annat dolt antal annars skulle kunna räknas fram; saknas = uppgift saknas (källan täcker inte månaden eller området).`,
    ],
    ["status_text", "Samma sak i ord, som i rapporten: värde, färre än …, döljs, uppgift saknas."],
  ],
  suppression: (minCount: number) =>
    minCount > 0
      ? `Antal under ${minCount} (men inte 0) redovisas inte, så att ingen enskild person kan pekas ut. En tom cell i antal är alltså inte en nolla: läs status.`
      : "Inga antal döljs i den här rapporten. En tom cell i antal betyder att uppgift saknas: läs status.",
} as const;

export function archiveOpenData(config: Config): SafeHtml {
  const k = config.suppression.min_count;
  return html`<section aria-labelledby="oppna-data-rubrik">
<h2 id="oppna-data-rubrik">${OPEN_DATA.heading}</h2>
<p><a href="${SERIE_FILE}" type="text/csv">${OPEN_DATA.link}</a></p>
<p>${OPEN_DATA.intro}</p>
<p>${OPEN_DATA.format}</p>
<h3>${OPEN_DATA.columnsHeading}</h3>
<dl class="definitions">
${OPEN_DATA.columns(k).map(([name, text]) => html`<dt><code>${name}</code></dt><dd>${text}</dd>
`)}</dl>
<p>${OPEN_DATA.suppression(k)}</p>
</section>`;
}
