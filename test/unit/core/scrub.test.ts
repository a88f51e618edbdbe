import { describe, expect, it } from "vitest";
import { scrub } from "../../../src/core/scrub.ts";

describe("scrub removes personal identifiers", () => {
  it.each([
    ["Anmälaren 19850312-1234 hördes på plats.", "Anmälaren [borttaget] hördes på plats."],
    ["Misstänkt, pnr 850312-1234, greps.", "Misstänkt, pnr [borttaget], greps."],
    ["Personnummer 8503121234 noterat", "Personnummer [borttaget] noterat"],
    ["Målsägande 198503121234.", "Målsägande [borttaget]."],
    ["Född 120312+1234 enligt uppgift", "Född [borttaget] enligt uppgift"],
    ["Samordningsnummer 850372-1234 saknar folkbokföring", "Samordningsnummer [borttaget] saknar folkbokföring"],
    ["Ring 070-123 45 67 vid frågor", "Ring [borttaget] vid frågor"],
    ["Mobil 0701234567", "Mobil [borttaget]"],
    ["Tel. +46 70 123 45 67.", "Tel. [borttaget]."],
    ["Tel +46701234567", "Tel [borttaget]"],
    ["Växel 08-123 456 78", "Växel [borttaget]"],
    ["Kommunens växel 0270-750 00", "Kommunens växel [borttaget]"],
    ["Kontakt: anna.svensson@soderhamn.se", "Kontakt: [borttaget]"],
    ["Mejlade Erik_Öberg+polis@exempel.com igår", "Mejlade [borttaget] igår"],
    ["Bil ABC 123 stod parkerad", "Bil [borttaget] stod parkerad"],
    ["Bil ABC123 stod parkerad", "Bil [borttaget] stod parkerad"],
    ["Moped med reg.nr XYZ 12A körde iväg", "Moped med reg.nr [borttaget] körde iväg"],
    [
      "Anmälare 19850312-1234, tel 070-123 45 67, bil ABC 123.",
      "Anmälare [borttaget], tel [borttaget], bil [borttaget].",
    ],
  ])("%j", (input, expected) => {
    expect(scrub(input)).toBe(expected);
  });
});

describe("scrub leaves ordinary text alone", () => {
  it.each([
    "Händelsen inträffade 2024-03-05 kl. 22:14.",
    "Öppet mellan kl 08-10 och 13-15",
    "Insats 10:00-12:00 i centrum",
    "Den 2024-03-05 10:00 larmades räddningstjänsten",
    "Ringde SOS 112 direkt",
    "Skadan uppskattas till 12 500 kr",
    "Storgatan 12, 826 30 Söderhamn",
    "År 2024 var 1 234 anmälningar",
    "Diarienummer 5000-K123-24",
    "Period 20240301-20240331",
    "Lägenhet 1102, trappa 3",
  ])("%j", (input) => {
    expect(scrub(input)).toBe(input);
  });
});
