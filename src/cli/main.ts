/**
 * The command line: parses flags, runs a command, and is the one place that turns errors into exit
 * codes (spec/cli.md): a LagesbildError becomes its Swedish message and code, anything else is an
 * internal error (70) with the details only under --debug.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { EXIT, type ExitCode, LagesbildError } from "../core/errors.ts";
import { createLogger, type Logger } from "../core/logger.ts";
import { VERSION } from "../core/version.ts";
import { loadConfig } from "../config/load-config.ts";
import { acquireLock } from "../output/lock.ts";
import { publish } from "../output/publish.ts";
import { resolveOutDir, run } from "./run-command.ts";
import { formatRunSummary } from "./summary.ts";
import { validate } from "./validate-command.ts";

const HELP = `lagesbild ${VERSION} – månatlig lägesbild över brott, ordningsstörningar och trygghet

Användning:
  lagesbild run [flaggor]        bygg rapporten för en månad eller ett intervall
  lagesbild validate [flaggor]   kontrollera konfiguration och källfiler utan att skriva något
  lagesbild publish --to DIR     kopiera utdatamappen atomiskt till webbroten DIR (DIR.previous = förra)
  lagesbild --help | --version

Flaggor för run:
  --config PATH          konfigurationsfilen (standard: config/lagesbild.yaml)
  --month YYYY-MM        en månad; "latest" = senaste månad som alla händelsekällor täcker
                         (standard: föregående kalendermånad i konfigurationens tidszon)
  --from YYYY-MM         första månaden i ett intervall (äldst först)
  --to YYYY-MM           sista månaden i intervallet (standard: föregående månad)
  --out DIR              utdatamapp (standard: output.dir i konfigurationen, annars reports/)
  --generated-at ISO     körningens tidpunkt (annars SOURCE_DATE_EPOCH, annars klockan)
  --only data            skriv bara indicators.json, indicators.csv och run.json
  --force                bygg om även oförändrade månader
  --log-format json|pretty   loggformat på stderr (standard: pretty i terminal, annars json)
  --quiet                bara varningar och fel i loggen
  --debug                felsökningsloggar och stackspår vid interna fel

Slutkoder: 0 klart, 1 dataproblem, 2 fel i flaggor eller konfiguration, 3 en annan körning pågår,
4 månaden täcks ännu inte av en källa, 70 internt fel.
`;

const OPTIONS = {
  config: { type: "string" },
  month: { type: "string" },
  from: { type: "string" },
  to: { type: "string" },
  out: { type: "string" },
  "generated-at": { type: "string" },
  only: { type: "string" },
  force: { type: "boolean", default: false },
  "log-format": { type: "string" },
  quiet: { type: "boolean", default: false },
  debug: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
  version: { type: "boolean", default: false },
} as const;

export interface MainIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  now: () => number;
  isTty: boolean;
  logDestination?: NodeJS.WritableStream;
}

const defaultIo = (): MainIo => ({
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  env: process.env,
  cwd: process.cwd(),
  now: () => Date.now(),
  isTty: Boolean(process.stderr.isTTY),
});

export async function main(argv: string[], io: MainIo = defaultIo()): Promise<ExitCode> {
  let debug = argv.includes("--debug");
  let log: Logger | undefined;
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    } catch (e) {
      throw new LagesbildError("usage", `${(e as Error).message.replace(/^Unknown option/, "Okänd flagga")} (se lagesbild --help)`);
    }
    const { values, positionals } = parsed;
    debug = values.debug;
    if (values.version) {
      io.stdout(`${VERSION}\n`);
      return EXIT.ok;
    }
    const command = positionals[0];
    if (values.help || command === undefined || command === "help") {
      io.stdout(HELP);
      return command === undefined && !values.help ? EXIT.usage : EXIT.ok;
    }
    if (positionals.length > 1) throw new LagesbildError("usage", `Oväntat argument: ${positionals[1]} (se lagesbild --help)`);
    const format = values["log-format"] ?? (io.isTty ? "pretty" : "json");
    if (format !== "json" && format !== "pretty") throw new LagesbildError("usage", `--log-format: "${format}" – välj json eller pretty`);
    if (values.only !== undefined && values.only !== "data") throw new LagesbildError("usage", `--only: "${values.only}" – det enda värdet är data`);
    log = createLogger({ format, quiet: values.quiet, debug: values.debug, destination: io.logDestination });
    const config = path.resolve(io.cwd, values.config ?? "config/lagesbild.yaml");
    const effects = { now: io.now, env: io.env, log };

    if (command === "run") {
      const result = await run(
        {
          config,
          month: values.month,
          from: values.from,
          to: values.to,
          out: values.out,
          generatedAt: values["generated-at"],
          onlyData: values.only === "data",
          force: values.force,
          cwd: io.cwd,
        },
        effects,
      );
      io.stdout(formatRunSummary({ config: result.config, outDir: result.outDir, cwd: io.cwd, ingest: result.ingest, months: result.months }));
      return result.exitCode;
    }
    if (command === "validate") {
      if (values.from !== undefined || values.to !== undefined || values.out !== undefined) {
        throw new LagesbildError("usage", "validate tar bara --config, --month och --generated-at");
      }
      const result = await validate({ config, month: values.month, generatedAt: values["generated-at"] }, effects);
      io.stdout(result.text);
      return result.exitCode;
    }
    if (command === "publish") {
      if (values.to === undefined) throw new LagesbildError("usage", "publish kräver --to DIR (webbrotens mapp)");
      const cfg = loadConfig(config);
      const outDir = resolveOutDir(cfg, values.out, io.cwd);
      const lock = acquireLock(outDir);
      try {
        const result = publish(outDir, path.resolve(io.cwd, values.to));
        io.stdout(`Publicerade ${result.files} filer till ${values.to} (${path.basename(result.tree)}).${result.previous ? ` Förra versionen: ${values.to}.previous` : ""}\n`);
      } finally {
        lock.release();
      }
      return EXIT.ok;
    }
    throw new LagesbildError("usage", `Okänt kommando: ${command} (se lagesbild --help)`);
  } catch (error) {
    if (error instanceof LagesbildError) {
      io.stderr(`lagesbild: ${error.message}\n`);
      return error.exitCode;
    }
    const detail = debug && error instanceof Error ? `\n${error.stack}` : " – kör igen med --debug för detaljer";
    io.stderr(`lagesbild: internt fel (en bugg): ${(error as Error)?.message ?? String(error)}${detail}\n`);
    return EXIT.internal;
  } finally {
    log?.flush();
  }
}
