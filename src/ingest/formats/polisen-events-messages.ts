/**
 * The Swedish messages of the police-events reader (STYLE.md: user-facing text per surface together).
 * Each says what is wrong and what to do; `validate` prints them as `file:line: reason (message)`.
 * Callers scrub them, since they quote values from the file.
 */
const quote = (s: string) => `"${s.length > 80 ? `${s.slice(0, 77)}…` : s}"`;

export const polisenEventsMessages = {
  notAnArray: () =>
    "Filen är inte en JSON-lista med händelser (den ska börja med [ ): spara hela svaret från polisens /api/events som det är.",
  invalidJson: (detail: string, count: number) =>
    `Filen är inte giltig JSON (${detail}); ${count} händelser före felet lästes. ` +
    "Filen är troligen avkortad eller ändrad för hand: hämta den på nytt eller rätta den, och kör igen.",
  tooLarge: (limitKiB: number, count: number) =>
    `Filen har en händelse (eller ett värde) större än ${limitKiB} KiB eller nästlad djupare än polisens API någonsin skriver; ` +
    `${count} händelser före den lästes. Filen är inte ett svar från /api/events som det är: hämta den på nytt.`,
  notAnObject: () => "Elementet är inte ett händelseobjekt ({ \"id\": …, \"name\": … }): ta bort det ur listan.",
  missingField: (name: string) =>
    `Händelsen saknar fältet ${name} (eller det är inte en text): polisens API har alltid med det, så filen är troligen ändrad för hand.`,
  badEncoding: () =>
    "Händelsen innehåller styrtecken (U+0080–U+009F), troligen fel teckenkodning: spara filen som UTF-8.",
  badDate: (name: string, datetime: string) =>
    `Varken rubriken ${quote(name)} eller datetime ${quote(datetime)} ger ett giltigt datum: kontrollera händelsen i filen.`,
  futureDate: (name: string) =>
    `Händelsen ${quote(name)} ligger efter körningens tidpunkt (--generated-at): kontrollera --generated-at eller filen.`,
  unknownType: (type: string, keyPath: string) =>
    `Okänd händelsetyp ${quote(type)}: lägg till den under ${keyPath}.categories (eller ${keyPath}.ignore om den ska lämnas utanför).`,
  duplicateId: (id: string) => `Id ${quote(id)} finns redan tidigare i samma fil: den första händelsen gäller, den här räknas inte.`,
};
