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
  columns: (minCount: number): ReadonlyArray<readonly [string, SafeHtml]> => [
    ["manad", html`Månaden, skriven ÅÅÅÅ-MM (till exempel 2024-03).`],
    ["omrade_id, omrade", html`Områdets kod och namn. <code>kommun</code> är hela kommunen; <code>okant</code> är händelser som inte kunde knytas till något område.`],
    ["kategori_id, kategori", html`Kategorins kod och namn. <code>total</code> (eller <code>total:brott</code> och liknande) är summan av kategorierna med samma mått.`],
    [
      "matt, matt_namn",
      html`Vad som räknas: <code>brott</code> = polisanmälda brott, <code>polisens-handelser</code> = polisens händelsenotiser, <code>handelser</code> = händelser rapporterade av kommunen och andra. Lägg aldrig ihop rader med olika mått.`,
    ],
    ["antal", html`Antal under månaden (inte per invånare). Tom när status är något annat än <code>varde</code>.`],
    [
      "status",
      html`Om antalet visas:<ul>
<li><code>varde</code>: antalet redovisas.</li>
<li><code>dold_litet</code>: färre än ${String(minCount)}; redovisas inte för att skydda enskilda.</li>
<li><code>dold_skyddar</code>: döljs för att ett annat dolt antal annars skulle kunna räknas fram.</li>
<li><code>saknas</code>: uppgift saknas (källan täcker inte månaden eller området).</li>
</ul>`,
    ],
    ["status_text", html`Samma sak i ord, som i rapporten: ”värde”, ”färre än ${String(minCount)}”, ”döljs”, ”uppgift saknas”.`],
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
