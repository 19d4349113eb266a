// Command-line flags of `npm run soak`.
import path from "node:path";
import { BenchError, RESULTS_DIR } from "../bench/env";
import { parseFlags } from "../bench/options";

export interface SoakOptions {
  help: boolean;
  /** Seconds of traffic. */
  duration: number;
  port: number;
  /** Virtual shoppers, each one request at a time (a closed loop, no think time). */
  users: number;
  /** False with --no-build: reuse the .next-bench build when it exists. */
  build: boolean;
  /** Seconds between memory samples. */
  sampleInterval: number;
  /** Brand whose pickup store and buyers the orders use (browsing covers every brand). */
  brand: string;
  seed: number;
  /** Every n-th placed order is paid through the sandbox pay sheet. */
  payEvery: number;
  /** Next's in-memory page and data cache of the server, MB (NEXT_CACHE_MEMORY_MB); 0 by default, see the usage. */
  cacheMemoryMb: number;
  dbFile: string;
  logFile: string;
  /** Report files: <reportBase>.json and <reportBase>.md. */
  reportBase: string;
}

/** At most one virtual shopper per seeded member (member_001…member_030): a member never races with themselves. */
export const MAX_USERS = 30;

export const SOAK_USAGE = `Usage: npm run soak -- [options]

Seeds a fresh bench-results/soak.db, builds into .next-bench, starts \`next start\` (with --trace-gc), then sends
mixed traffic for --duration seconds: browse 90 % (home, categories, category, product, stock island, search,
store finder and store pages of every brand), favourite 5 % (seeded members toggle hearts through the product
page's server action), order 5 % (buyers place pickup orders through POST /api/shop/orders; every other one is
paid through the sandbox pay sheet). Samples the server's RSS (/proc) and heap (its GC trace) every few seconds,
then checks the ledger, the orders and the favourites in the database and writes bench-results/soak-latest.{json,md}.
Exits 1 when any check fails (a 5xx, an unexpected answer, a memory growth trend, a ledger mismatch…).

Options
  --duration <s>         seconds of traffic (default 600)
  --port <n>             port for the server (default 3210)
  --users <n>            concurrent virtual shoppers, 1–${MAX_USERS} (default 10)
  --no-build             reuse the .next-bench build when it exists
  --sample-interval <s>  seconds between memory samples (default 5)
  --brand <slug>         brand of the order store and buyers (default lumi)
  --seed <n>             seed of the traffic schedule (default 20261123)
  --pay-every <n>        pay every n-th placed order (default 2; 1 pays all)
  --cache-memory-mb <n>  the server's in-memory page/data cache (NEXT_CACHE_MEMORY_MB; default 0). Next's own
                         default, ~50 MB, fills over ~30 min of varied browsing: bounded growth that a 10-minute
                         trend cannot tell from a leak, so the soak runs without it (decision 026)
  -h, --help             this text
`;

function int(name: string, raw: string | undefined, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new BenchError(`--${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  return value;
}

export function parseSoakOptions(argv: string[]): SoakOptions {
  const parsed = parseFlags(
    argv,
    {
      help: { type: "boolean", short: "h" },
      duration: { type: "string" },
      port: { type: "string" },
      users: { type: "string" },
      "no-build": { type: "boolean" },
      "sample-interval": { type: "string" },
      brand: { type: "string" },
      seed: { type: "string" },
      "pay-every": { type: "string" },
      "cache-memory-mb": { type: "string" },
    },
    SOAK_USAGE,
  );
  const v = parsed.values;
  const brand = v.brand ?? "lumi";
  if (!/^[a-z0-9-]+$/.test(brand)) throw new BenchError(`--brand must be a brand slug, got "${brand}"`);
  return {
    help: v.help ?? false,
    duration: int("duration", v.duration, 600, 10),
    port: int("port", v.port, 3210, 1, 65535),
    users: int("users", v.users, 10, 1, MAX_USERS),
    build: !(v["no-build"] ?? false),
    sampleInterval: int("sample-interval", v["sample-interval"], 5, 1, 60),
    brand,
    seed: int("seed", v.seed, 20261123, 0),
    payEvery: int("pay-every", v["pay-every"], 2, 1),
    cacheMemoryMb: int("cache-memory-mb", v["cache-memory-mb"], 0, 0, 4096),
    dbFile: path.join(RESULTS_DIR, "soak.db"),
    logFile: path.join(RESULTS_DIR, "soak-server.log"),
    reportBase: path.join(RESULTS_DIR, "soak-latest"),
  };
}
