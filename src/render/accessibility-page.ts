/**
 * `tillganglighet.html`: the accessibility statement (tillgänglighetsredogörelse) that lag (2018:1937)
 * requires of public-sector websites, in the order of DIGG's model statement: who stands behind the
 * site, how accessible it is, what to do when something cannot be used, how to report a problem,
 * supervision (Digg, with the address of its complaint form as text), and the technical part with the
 * compliance status (`output.accessibility.status`), a detailed list of what is not accessible and
 * why, and how and when the site was assessed (`output.accessibility.assessed`).
 *
 * The list of shortcomings describes the pages lagesbild actually publishes; when the report changes
 * (charts, maps, tables), this list is what must change with it. DIGG asks for the problems to be
 * described by situation of use (without sight, with low vision, …), so each names who is affected.
 */
import type { Config } from "../config/load-config.ts";
import { formatDate } from "./format-sv.ts";
import { html, type SafeHtml } from "./html.ts";
import { pageDocument } from "./layout.ts";

/** Digg's form for reporting a public body's lacking accessibility (DIGG's template links it). */
export const DIGG_REPORT_URL = "https://www.digg.se/tdosanmalan";

interface Shortcoming {
  /** What does not work, and for whom. */
  what: string;
  /** Why it is so. */
  why: string;
  /** What to use instead. */
  instead: string;
  /** The WCAG 2.1 success criteria concerned. */
  wcag: string;
}

/** The published pages' known shortcomings, worded for a resident (see the module comment). */
const SHORTCOMINGS: ReadonlyArray<Shortcoming> = [
  {
    what: "Diagrammen är bilder. Text i diagrammen (axlar, förklaringar) blir inte större när du förstorar texten i webbläsaren, följer inte dina inställningar för färg och typsnitt, och på en mobil är den liten. Det påverkar dig som har nedsatt syn.",
    why: "Diagrammen ritas som färdiga bilder när rapporten skapas, så att sidan fungerar utan JavaScript och ser likadan ut överallt.",
    instead: "Varje diagram har en textbeskrivning av vad det visar och samma siffror i en tabell direkt under diagrammet (”Visa siffrorna i tabell”). Bilden kan också förstoras med webbläsarens zoom.",
    wcag: "1.4.4 Ändra textstorlek, 1.4.5 Bilder av text, 1.4.12 Textavstånd",
  },
  {
    what: "I diagram med flera linjer skiljs linjerna åt främst med färg. Det kan vara svårt att se vilken linje som hör till vilken kategori om du har nedsatt färgseende.",
    why: "Diagrammen visar upp till flera kategorier i samma bild.",
    instead: "Tabellen under diagrammet har en kolumn per kategori. Trender anges alltid i ord och med symbol (▲ ▼), aldrig bara med färg.",
    wcag: "1.4.1 Användning av färg",
  },
  {
    what: "Kartorna visar antal per område med färgnyanser. Små områden kan vara svåra att urskilja, och kartan kan inte användas utan syn.",
    why: "En karta är ett bildmässigt sätt att visa geografi som saknar en fullständig motsvarighet i text.",
    instead: "Varje karta har en textbeskrivning och en tabell med samma siffror per område. Kartan visar aldrig var en enskild händelse har skett.",
    wcag: "1.1.1 Icke-textuellt innehåll, 1.4.11 Kontrast för icke-textuellt innehåll",
  },
  {
    what: "Breda tabeller får inte plats på en smal skärm. Tabellen rullas då i sidled inom sin egen ruta, vilket kan vara besvärligt med förstoring eller med nedsatt finmotorik.",
    why: "Tabellerna jämför många värden (månad, i fjol, förändring, hittills i år, trend) som hör ihop på samma rad.",
    instead: "Rutan kan nås och rullas med tangentbordet. Alla siffror finns också i filerna indicators.csv (per månad) och serie.csv (alla månader) för kalkylprogram.",
    wcag: "1.4.10 Anpassning till smala skärmar",
  },
  {
    what: "Rapporten använder statistiska begrepp (till exempel ”normal variation”, ”per 100 000 invånare”, ”hittills i år”) som kan vara svåra att förstå, särskilt om du har en kognitiv funktionsnedsättning.",
    why: "Siffrorna ska kunna användas av både invånare och analytiker, och begreppen behövs för att de ska tolkas rätt.",
    instead: "Sammanfattningen överst beskriver månaden i vanliga ord, och avsnittet ”Om statistiken” förklarar varje begrepp. Kontakta oss om du vill ha rapporten förklarad.",
    wcag: "3.1 Läsbarhet (nivå AAA, krävs inte av lagen, men vi vill ändå nämna det)",
  },
  {
    what: "Analytikernas kommentarer skrivs för hand varje månad. Deras rubriker, länktexter och språk kontrolleras inte lika noga som resten av sidan.",
    why: "Texten skrivs av människor och publiceras som den är skriven.",
    instead: "Kontakta oss om något i kommentarerna är svårt att läsa eller förstå, så rättar vi det.",
    wcag: "2.4.4 Länkars syfte, 2.4.6 Rubriker och etiketter",
  },
];

/** Content outside the law's requirements (9 §) or exempt (12 §): said explicitly, as DIGG asks. */
const NOT_COVERED =
  "De öppna datafilerna (CSV, JSON och Atom-flödet) är data för datorprogram och inte dokument att läsa; de omfattas inte av kraven på webbsidor, men innehåller samma siffror som sidorna. Webbplatsen har inga PDF-filer, inga filmer eller ljudklipp och inga formulär. Vi gör inget undantag med hänvisning till oskäligt betungande anpassning (12 §).";

function contactList(config: Config, publisher: string): SafeHtml {
  const contact = config.output.contact ?? {};
  return html`<ul>
${contact.email ? html`<li>E-post: <a href="mailto:${contact.email}">${contact.email}</a></li>` : null}
${contact.phone ? html`<li>Telefon: <a href="${`tel:${contact.phone.replace(/[^\d+]/g, "")}`}">${contact.phone}</a></li>` : null}
${!contact.email && !contact.phone ? html`<li>Kontakta ${publisher}.</li>` : null}
</ul>`;
}

/** DIGG's sentence for the status; "helt förenlig" cannot be "because of the shortcomings". */
function technicalStatus(status: string | undefined): string {
  if (status === undefined) return "Webbplatsens förenlighet med lagen är inte bedömd. Vi känner till de brister som beskrivs nedan.";
  if (/^helt\b/i.test(status.trim())) return `Webbplatsen är ${status} med lagen om tillgänglighet till digital offentlig service. Det som beskrivs nedan är begränsningar som har ett tillgängligt alternativ.`;
  return `Webbplatsen är ${status} med lagen om tillgänglighet till digital offentlig service, på grund av de brister som beskrivs nedan.`;
}

function shortcomingItem(s: Shortcoming): SafeHtml {
  return html`<li>
<p>${s.what}</p>
<p><strong>Varför:</strong> ${s.why}</p>
<p><strong>Gör så här i stället:</strong> ${s.instead}</p>
<p><strong>Kriterier i WCAG 2.1:</strong> ${s.wcag}</p>
</li>`;
}

export function renderAccessibilityHtml(config: Config): string {
  const title = config.output.title ?? `Lägesbild för ${config.kommun.name}`;
  const publisher = config.output.publisher ?? config.kommun.name;
  const a11y = config.output.accessibility;
  const contacts = contactList(config, publisher);
  const main = html`<p>${publisher} står bakom webbplatsen ${title}. Vi vill att så många som möjligt ska kunna använda den. Här beskriver vi hur webbplatsen uppfyller lagen (2018:1937) om tillgänglighet till digital offentlig service, vilka kända brister den har och hur du kan rapportera problem till oss så att vi kan åtgärda dem.</p>
<h2>Hur tillgänglig är webbplatsen?</h2>
<p>${a11y ? html`Webbplatsen är <strong>${a11y.status}</strong> med lagen om tillgänglighet till digital offentlig service.` : "Vi har ännu inte bedömt hur väl webbplatsen uppfyller lagen om tillgänglighet till digital offentlig service."} Vi känner till att delar av webbplatsen inte är helt tillgängliga; de beskrivs under <a href="#brister">Innehåll som inte är tillgängligt</a>.</p>
<p>Rapporterna fungerar utan JavaScript, är byggda för att kunna läsas med skärmläsare och användas med enbart tangentbord, och kan skrivas ut. Varje diagram och karta har en textbeskrivning och samma siffror i en tabell.</p>
<h2>Vad kan du göra om du inte kan använda delar av webbplatsen?</h2>
<p>Om du behöver innehåll från webbplatsen i ett annat format, till exempel uppläst, i lättläst svenska eller som en tabell i ett kalkylprogram, kan du kontakta oss:</p>
${contacts}
<p>Alla siffror finns också som öppna data: för varje månad i filerna indicators.csv och indicators.json i månadens mapp, och för alla månader i <a href="serie.csv">serie.csv</a>.</p>
<h2>Rapportera brister i webbplatsens tillgänglighet</h2>
<p>Vi strävar hela tiden efter att förbättra webbplatsens tillgänglighet. Om du upptäcker problem som inte beskrivs på den här sidan, eller om du anser att vi inte uppfyller lagens krav, kontakta oss så att vi får veta att problemet finns:</p>
${contacts}
<h2>Tillsyn</h2>
<p>Myndigheten för digital förvaltning (Digg) har ansvaret för tillsyn över lagen om tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du kontakta Digg och påtala det. Digg tar emot anmälningar om bristande tillgänglighet på <a href="${DIGG_REPORT_URL}">${DIGG_REPORT_URL.replace(/^https:\/\//, "")}</a>.</p>
<h2>Teknisk information om webbplatsens tillgänglighet</h2>
<p>${technicalStatus(a11y?.status)}</p>
<h3 id="brister">Innehåll som inte är tillgängligt</h3>
<p>Det innehåll som beskrivs nedan är på ett eller annat sätt inte helt tillgängligt.</p>
<ol class="shortcomings">
${SHORTCOMINGS.map(shortcomingItem)}
</ol>
<h3>Innehåll som inte omfattas av lagen</h3>
<p>${NOT_COVERED}</p>
<h2>Hur vi testat webbplatsen</h2>
<p>Vi har gjort en självskattning (intern testning) av webbplatsen. Varje gång programmet som skapar rapporterna ändras kontrolleras en exempelrapport automatiskt i en webbläsare med verktyget axe-core mot WCAG 2.1 nivå A och AA, och med tester av tangentbordsnavigering och av att sidorna går att läsa utan att rulla i sidled på en smal skärm (390 pixlar) och en bred skärm. Vi har inte låtit personer som använder hjälpmedel, till exempel skärmläsare, testa webbplatsen.</p>
<p>${a11y ? html`Senaste bedömningen gjordes den ${formatDate(a11y.assessed)}. Redogörelsen uppdaterades senast i samband med den bedömningen.` : "Ingen bedömning är gjord ännu."}</p>`;
  // The shared shell: the same skip link (focusing <main>), header and footer as every other page.
  return pageDocument({
    title: `Tillgänglighetsredogörelse – ${title}`,
    root: "",
    path: "tillganglighet.html",
    header: html`<header class="site-header">
<p class="breadcrumb"><a href="index.html">${title}</a></p>
<h1>Tillgänglighet för ${title}</h1>
</header>`,
    main,
    config,
  });
}
