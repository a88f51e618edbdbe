/**
 * Swedish messages for what `node:util` parseArgs refuses (an unknown flag, a flag without its value,
 * a value given to an on/off flag). Its own messages are English and name Node's syntax ("place it at
 * the end of the command after '--'"), which a trygghetssamordnare at a terminal should never meet.
 */

/** An example value per flag that takes one, for "--month kräver ett värde, till exempel --month 2024-03". */
const EXAMPLES: Readonly<Record<string, string>> = {
  config: "config/lagesbild.yaml",
  month: "2024-03",
  from: "2024-01",
  to: "2024-03",
  out: "reports",
  "generated-at": "2024-04-02T06:00:00+02:00",
  only: "data",
  "log-format": "pretty",
  "notify-command": '"mail -s lagesbild drift@example.se"',
};

const HELP = "(se lagesbild --help)";

/** Edit distance, for "menade du --month?" after a typo such as `--moth` or `--Month`. */
function distance(a: string, b: string): number {
  // Two rows of the Levenshtein table; `diagonal` is the cell above-left, `left` the one just computed.
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let left = i;
    for (let j = 1; j <= b.length; j++) {
      const above = prev[j] ?? Infinity;
      const diagonal = prev[j - 1] ?? Infinity;
      left = Math.min(above + 1, left + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      row.push(left);
    }
    prev = row;
  }
  return prev[b.length] ?? Infinity;
}

/** The known flag closest to `given` (ignoring case), when it is close enough to be a typo. */
export function closestFlag(given: string, known: ReadonlyArray<string>): string | null {
  const name = (given.replace(/^-+/, "").split("=")[0] ?? "").toLowerCase();
  let best: { flag: string; d: number } | null = null;
  for (const flag of known) {
    const d = distance(name, flag);
    if (best === null || d < best.d) best = { flag, d };
  }
  return best !== null && best.d <= Math.max(1, Math.floor(best.flag.length / 4)) ? `--${best.flag}` : null;
}

/**
 * The Swedish message for a parseArgs error. `known`: the flags' long names.
 * @example usageMessage({ code: "ERR_PARSE_ARGS_UNKNOWN_OPTION", message: "Unknown option '--moth'. …" }, ["month"])
 *   // "Okänd flagga: --moth – menade du --month? (se lagesbild --help)"
 */
export function usageMessage(error: { code?: string; message: string }, known: ReadonlyArray<string>): string {
  const flag = /'(-[^' <]+)/.exec(error.message)?.[1] ?? "";
  if (error.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    const guess = closestFlag(flag, known);
    return `Okänd flagga: ${flag}${guess ? ` – menade du ${guess}?` : ""} ${HELP}`;
  }
  if (error.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    if (/does not take an argument/.test(error.message)) return `${flag} tar inget värde; skriv bara ${flag} ${HELP}`;
    const example = EXAMPLES[flag.replace(/^-+/, "")];
    return `${flag} kräver ett värde${example ? `, till exempel ${flag} ${example}` : ""} ${HELP}`;
  }
  if (error.code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") return `Oväntat argument ${HELP}`;
  return `Flaggorna kunde inte tolkas ${HELP}`;
}
