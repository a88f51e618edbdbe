/**
 * `tillganglighet.html`: the accessibility statement (tillgänglighetsredogörelse) that lag (2018:1937)
 * requires of public-sector websites, following DIGG's model text, with a way to report problems from
 * `output.contact` and the compliance status from `output.accessibility`.
 */
import type { Config } from "../config/load-config.ts";
import { formatDate } from "./format-sv.ts";
import { html } from "./html.ts";
import { pageDocument } from "./layout.ts";

export function renderAccessibilityHtml(config: Config): string {
  const title = config.output.title ?? `Lägesbild för ${config.kommun.name}`;
  const publisher = config.output.publisher ?? config.kommun.name;
  const contact = config.output.contact ?? {};
  const a11y = config.output.accessibility;
  const contactList = html`<ul>
${contact.email ? html`<li>E-post: <a href="mailto:${contact.email}">${contact.email}</a></li>` : null}
${contact.phone ? html`<li>Telefon: <a href="${`tel:${contact.phone.replace(/[^\d+]/g, "")}`}">${contact.phone}</a></li>` : null}
${!contact.email && !contact.phone ? html`<li>Kontakta ${publisher}.</li>` : null}
</ul>`;
  const main = html`<p>${publisher} står bakom rapporterna i ${title}. Vi vill att så många som möjligt ska kunna läsa dem. Den här redogörelsen beskriver hur rapporterna uppfyller lagen (2018:1937) om tillgänglighet till digital offentlig service, kända brister och hur du kan rapportera problem så att vi kan åtgärda dem.</p>
<h2>Hur tillgänglig är webbplatsen?</h2>
<p>${a11y ? html`Webbplatsen är <strong>${a11y.status}</strong> med lagen om tillgänglighet till digital offentlig service.` : "Vi har ännu inte gjort någon bedömning av webbplatsens förenlighet med lagen."}</p>
<p>Varje diagram har en textbeskrivning och samma siffror i en tabell. Trender visas med ord och symboler, inte bara med färg. Rapporterna fungerar utan JavaScript och kan skrivas ut.</p>
<h2>Vad kan du göra om du inte kan använda delar av webbplatsen?</h2>
<p>Om du behöver innehållet i ett annat format, till exempel uppläst eller som tabell i ett kalkylprogram, kan du kontakta oss. Alla siffror finns också som öppna data (CSV och JSON) i varje månads mapp.</p>
${contactList}
<h2>Rapportera brister i webbplatsens tillgänglighet</h2>
<p>Vi strävar hela tiden efter att förbättra tillgängligheten. Om du upptäcker problem som inte beskrivs här, eller om du anser att vi inte uppfyller lagens krav, meddela oss så att vi får veta att problemet finns.</p>
${contactList}
<h2>Tillsyn</h2>
<p>Myndigheten för digital förvaltning (Digg) har ansvaret för tillsyn över lagen om tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du kontakta Digg och påtala det.</p>
<h2>Hur vi testat webbplatsen</h2>
<p>Rapporterna kontrolleras automatiskt med axe-core mot WCAG 2.1 nivå A och AA i en webbläsare varje gång programmet testas.${a11y ? html` Senaste bedömningen gjordes ${formatDate(a11y.assessed)}.` : null}</p>`;
  // The shared shell: the same skip link (focusing <main>), header and footer as every other page.
  return pageDocument({
    title: `Tillgänglighetsredogörelse – ${title}`,
    root: "",
    path: "tillganglighet.html",
    header: html`<header class="site-header">
<p class="breadcrumb"><a href="index.html">${title}</a></p>
<h1>Tillgänglighetsredogörelse</h1>
</header>`,
    main,
    config,
  });
}
