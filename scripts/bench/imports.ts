// The CSV import measurement: a 100,000-row stock file of the seeded brand, validated and applied through
// lib/imports (the same functions as the upload route) against a fresh copy of the bench database, in a child
// process (lib/db reads DATABASE_URL once, at import). Figures: rows/s end to end, validate and apply seconds.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import Database from "better-sqlite3";
import { BENCH_DB, type Cleanup, log, RESULTS_DIR, ROOT, runNode } from "./env";

const require = createRequire(import.meta.url);

export const IMPORT_ROWS = 100_000;

export interface ImportBenchResult {
  brand: string;
  rows: number;
  csvBytes: number;
  stores: number;
  benchStoresAdded: number;
  skus: number;
  batches: number;
  validateS: number;
  applyS: number;
  totalS: number;
  rowsPerSec: number;
  ledgerRows: number;
  expectedLedgerRows: number;
}

export const IMPORT_DB = path.join(RESULTS_DIR, "import.db");

/** A consistent copy of the freshly seeded bench database (SQLite's online backup), before anything writes to it. */
export async function copyBenchDatabase(): Promise<void> {
  for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(IMPORT_DB + suffix, { force: true });
  const source = new Database(BENCH_DB, { readonly: true });
  try {
    await source.backup(IMPORT_DB);
  } finally {
    source.close();
  }
}

export async function measureImport(brand: string, cleanup: Cleanup): Promise<ImportBenchResult> {
  const csv = path.join(RESULTS_DIR, "import-stock.csv");
  const out = path.join(RESULTS_DIR, "import-result.json");
  fs.rmSync(out, { force: true });
  log(`import: ${IMPORT_ROWS.toLocaleString("en")}-row stock CSV of ${brand}, validate + apply on a copy of the bench database`);
  await runNode(
    "import benchmark",
    require.resolve("tsx/cli"),
    [path.join(ROOT, "scripts", "bench", "import-run.ts"), "--rows", String(IMPORT_ROWS), "--brand", brand, "--csv", csv, "--out", out],
    { ...process.env, DATABASE_URL: `file:${IMPORT_DB}`, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    cleanup,
  );
  const result = JSON.parse(fs.readFileSync(out, "utf8")) as ImportBenchResult;
  log(
    `  ${result.rowsPerSec.toFixed(0)} rows/s end to end (${result.rows} rows, ${(result.csvBytes / 1e6).toFixed(1)} MB: validate ${result.validateS.toFixed(2)} s, ` +
      `apply ${result.applyS.toFixed(2)} s in ${result.batches} batches; ${result.ledgerRows} ledger rows, expected ${result.expectedLedgerRows})`,
  );
  for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(IMPORT_DB + suffix, { force: true });
  fs.rmSync(csv, { force: true });
  return result;
}
