/** The Swedish month names, lower case, January first: how police headlines and Swedish dates write them. */
export const SWEDISH_MONTHS = [
  "januari", "februari", "mars", "april", "maj", "juni",
  "juli", "augusti", "september", "oktober", "november", "december",
] as const;
