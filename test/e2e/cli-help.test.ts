/** `--help` lists every command and flag of spec/cli.md, each with a Swedish description. */
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.ts";

// spec/cli.md's `run` flag table, plus --notify-command (run) and publish's --to.
const FLAGS = ["--config", "--month", "--from", "--to", "--out", "--generated-at", "--only data", "--force", "--log-format", "--quiet", "--debug", "--notify-command"];

describe("lagesbild --help", () => {
  const help = runCli(["--help"]).stdout;

  it("describes every run flag on its own line", () => {
    for (const flag of FLAGS) expect(help).toMatch(new RegExp(`^  ${flag}\\b.*\\S+\\s+\\S`, "m"));
  });

  it("says which flags validate and publish take", () => {
    expect(help).toMatch(/^Flaggor för validate: --config, --month och --generated-at/m);
    expect(help).toMatch(/^Flaggor för publish:\n {2}--to DIR +webbrotens mapp \(krävs\)/m);
  });
});
