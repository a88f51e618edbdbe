/**
 * The benchmark's reference (a child process, so its peak RSS is its own): DuckDB's `read_csv` and a
 * GROUP BY (area, month, category) over the police files, counted in SQL, on 2 threads. Prints JSON.
 *   node --import tsx scripts/bench/duckdb-child.ts '<glob>'
 */
import { DuckDBInstance } from "@duckdb/node-api";

const glob = process.argv[2]!;
const started = performance.now();
const instance = await DuckDBInstance.create(":memory:", { threads: "2" });
const connection = await instance.connect();
const sql = `
  SELECT "Område" AS area, substr("Datum", 1, 7) AS month, "Brottstyp" AS category, count(*) AS n
  FROM read_csv('${glob.replace(/'/g, "''")}', delim = ';', header = true, quote = '"', escape = '"',
                encoding = 'utf-8', all_varchar = true, ignore_errors = true, null_padding = true)
  GROUP BY ALL`;
const reader = await connection.runAndReadAll(sql);
const groups = reader.getRows().length;
const seconds = (performance.now() - started) / 1000;
connection.closeSync();
console.log(JSON.stringify({ seconds, groups, maxRssKb: process.resourceUsage().maxRSS }));
