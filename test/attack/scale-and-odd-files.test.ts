/**
 * Scale guard and files the program cannot handle (issue 8). The 2 GB case runs only with
 * `LAGESBILD_SCALE_TEST=1` (it writes 2 GB to the temp folder): the file is generated as a stream and
 * ingested in a child process whose peak RSS must stay far below the file's size. The odd-file cases
 * always run: each must end in a clear Swedish message and a spec exit code, never a stack trace or a hang.
 */
import { spawnSync } from "node:child_process";
import { createWriteStream, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { once } from "node:events";
import net from "node:net";
import { afterAll, describe, expect, it, vi } from "vitest";
import { LagesbildError } from "../../src/core/errors.ts";
import { PROJECT_ROOT } from "../helpers/run-cli.ts";
import { makeProject, NOW, POLIS_SOURCE } from "../fixtures/ingest/project.ts";
import { cliProject, excel1252, GENERATED_AT } from "./_cli-project.ts";

const STACK = /\n\s+at .+\(.+:\d+:\d+\)/;

vi.mock("tinyglobby", async (original) => {
  const real = await original<typeof import("tinyglobby")>();
  return {
    ...real,
    // A file that vanishes between glob and read: the glob reports one more file than exists.
    glob: async (pattern: string | string[], opts: { cwd?: string } & Record<string, unknown>) => {
      const found = await (real.glob as (p: string | string[], o: unknown) => Promise<string[]>)(pattern, opts);
      return String(pattern).includes("vanishing") ? [...found, path.join(String(opts.cwd), "vanishing-2.csv")] : found;
    },
  };
});

const CONFIG = (sourcePath: string) => `
kommun: { name: Testby, code: "0001" }
areas:
  - { id: centrum, name: Centrum }
categories:
  - { id: stold, name: Stöld, group: egendom }
sources:
  - id: polis
    kind: incidents
    measure: brott
    path: ${sourcePath}
    categories: { Stöld: stold }
    covers: { from: 2024-03, to: 2024-03 }   # one row on 1 March: declared complete
`;

describe("files the program cannot handle end in a clear message", () => {
  it("a source path naming a directory is exit 1 with a Swedish message", () => {
    const p = cliProject(CONFIG("../data/polis.csv"));
    try {
      mkdirSync(path.join(p.root, "data", "polis.csv"), { recursive: true });
      const r = p.run(["run", "--month", "2024-03", "--generated-at", GENERATED_AT]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/Källan polis: data\/polis\.csv är en mapp, inte en fil/);
      expect(r.stderr).not.toMatch(STACK);
    } finally {
      p.cleanup();
    }
  });

  it("a FIFO where the file should be does not hang the run (it is no regular file: exit 1)", () => {
    const p = cliProject(CONFIG("../data/polis.csv"));
    try {
      mkdirSync(path.join(p.root, "data"), { recursive: true });
      expect(spawnSync("mkfifo", [path.join(p.root, "data", "polis.csv")]).status).toBe(0);
      const r = p.run(["run", "--month", "2024-03", "--generated-at", GENERATED_AT]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/Källan polis: data\/polis\.csv är en namngiven pipe \(FIFO\), inte en fil/);
      expect(r.stderr).not.toMatch(STACK);
    } finally {
      p.cleanup();
    }
  });

  it("a folder and a FIFO matched by a glob are skipped with a warning naming each, the files still read", () => {
    const p = cliProject(CONFIG("../data/polis-*.csv"), { "data/polis-2024.csv": excel1252(["occurred_at;category", "2024-03-01;Stöld"]) });
    try {
      mkdirSync(path.join(p.root, "data", "polis-arkiv.csv"));
      expect(spawnSync("mkfifo", [path.join(p.root, "data", "polis-pipe.csv")]).status).toBe(0);
      const r = p.run(["run", "--month", "2024-03", "--generated-at", GENERATED_AT]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain("Källan polis: data/polis-arkiv.csv är en mapp, inte en fil – hoppas över.");
      expect(r.stdout).toContain("Källan polis: data/polis-pipe.csv är en namngiven pipe (FIFO), inte en fil – hoppas över.");
      expect(r.stdout).toContain("data/polis-2024.csv: 1 lästa, 1 godkända, 0 ignorerade, 0 avvisade");
    } finally {
      p.cleanup();
    }
  });

  it("a socket matched by a glob is skipped with a warning", async () => {
    const { sourceFiles } = await import("../../src/ingest/source-files.ts");
    const p = makeProject(POLIS_SOURCE);
    const server = net.createServer();
    try {
      p.write("polis-1.csv", excel1252(["Datum;Brottstyp", "2024-03-01;Stöld"]));
      const socket = path.join(p.root, "data", "polis-sock.csv");
      await new Promise<void>((resolve) => server.listen(socket, resolve));
      const warnings: string[] = [];
      const files = await sourceFiles(p.config, p.config.sources[0]!, (w) => warnings.push(w));
      expect(files.map((f) => path.basename(f))).toEqual(["polis-1.csv"]);
      expect(warnings).toEqual([expect.stringContaining("data/polis-sock.csv är en socket, inte en fil – hoppas över.")]);
    } finally {
      server.close();
      p.cleanup();
    }
  });

  it("a file deleted between glob and read is an unreadable_file error naming it", async () => {
    const { ingestSources } = await import("../../src/ingest/ingest-sources.ts");
    const p = makeProject(POLIS_SOURCE.replace("../data/polis-*.csv", "../data/vanishing-*.csv"));
    try {
      p.write("vanishing-1.csv", excel1252(["Datum;Brottstyp", "2024-03-01;Stöld"]));
      const error = await ingestSources(p.config, { now: NOW, quarantine: false }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LagesbildError);
      expect((error as LagesbildError).code).toBe("unreadable_file");
      expect((error as LagesbildError).message).toMatch(/data\/vanishing-2\.csv kan inte läsas \(ENOENT\)/);
    } finally {
      p.cleanup();
    }
  });

  it("a config path that is a directory is exit 2", () => {
    const p = cliProject(CONFIG("../data/polis.csv"));
    try {
      const r = spawnSync(process.execPath, [path.join(PROJECT_ROOT, "bin", "lagesbild.js"), "run", "--config", path.join(p.root, "config")], { encoding: "utf8" });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/Kan inte läsa konfigurationsfilen/);
      expect(r.stderr).not.toMatch(STACK);
    } finally {
      p.cleanup();
    }
  });
});

const SCALE = process.env.LAGESBILD_SCALE_TEST === "1";

describe.skipIf(!SCALE)("a 2 GB input (LAGESBILD_SCALE_TEST=1)", () => {
  const p = SCALE ? cliProject(CONFIG("../data/polis-*.csv")) : null;
  afterAll(() => p?.cleanup());

  it("is streamed: every row is counted and peak RSS stays below 400 MB", { timeout: 1_800_000 }, async () => {
    const file = path.join(p!.root, "data", "polis-big.csv");
    mkdirSync(path.dirname(file), { recursive: true });
    const out = createWriteStream(file);
    out.write("occurred_at;category;area;description\n");
    // 64 rows of ~64 bytes per block; 2 GiB / 4 KiB blocks.
    const rows: string[] = [];
    for (let i = 0; i < 64; i++) rows.push(`2024-03-${String((i % 28) + 1).padStart(2, "0")} 12:00;${i % 9 === 0 ? "Okänd" : "Stöld"};Centrum;${"x".repeat(28)}\n`);
    const block = Buffer.from(rows.join(""));
    const blocks = Math.ceil((2 * 1024 ** 3) / block.length);
    for (let b = 0; b < blocks; b++) if (!out.write(block)) await once(out, "drain");
    out.end();
    await once(out, "finish");
    const child = spawnSync(process.execPath, ["--import", "tsx", path.join(PROJECT_ROOT, "test/attack/_scale-child.ts"), p!.configPath], { encoding: "utf8", maxBuffer: 1 << 24 });
    expect(child.status, child.stderr).toBe(0);
    const report = JSON.parse(child.stdout) as { maxRssMb: number; seconds: number; tallies: Array<{ read: number; accepted: number; rejected: number }> };
    console.log(`2 GB ingest: peak RSS ${report.maxRssMb} MB in ${report.seconds} s`);
    const perBlock = { rejected: rows.filter((r) => r.includes("Okänd")).length };
    expect(report.tallies[0]!.read).toBe(blocks * 64);
    expect(report.tallies[0]!.rejected).toBe(blocks * perBlock.rejected);
    expect(report.maxRssMb).toBeLessThan(400);
    rmSync(file);
  });
});
