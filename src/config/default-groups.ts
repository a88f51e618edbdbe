/** The report's category groups when the config has no `groups` (spec/cli.md). */
export const DEFAULT_GROUPS: ReadonlyArray<{ id: string; name: string }> = [
  { id: "brott-mot-person", name: "Brott mot person" },
  { id: "egendom", name: "Egendomsbrott och skadegörelse" },
  { id: "ordning", name: "Ordning och störningar" },
  { id: "narkotika", name: "Narkotika" },
  { id: "brand", name: "Bränder" },
  { id: "trafik", name: "Trafik" },
  { id: "ovrigt", name: "Övrigt" },
];
