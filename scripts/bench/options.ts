// Command-line flags of `npm run bench`.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { BenchError } from "./env";

export interface BenchOptions {
  help: boolean;
  /** When set, benchmark this already running server: no database, build or server of our own. */
  baseUrl: string | null;
  port: number;
  /** False with --no-build: reuse the .next-bench build when it exists. */
  build: boolean;
  /** Seconds of measurement per page. */
  duration: number;
  connections: number;
  /** Requests sent to each page before measuring it (caches filled, code paths compiled by the JIT). */
  warmup: number;
  brand: string;
  health: string;
  staticPath: string;
  /** Null: discovered from the database. */
  productPath: string | null;
  categoryPath: string | null;
  /** The SQLite file to discover pages from with --base-url (default: bench-results/bench.db, then data/app.db). */
  db: string | null;
  headers: Record<string, string>;
  /** Exit 1 when a target fails. */
  strict: boolean;
  /** What to measure: the pages (static, product, category, first-load JS), the order placement, or both. */
  only: "all" | "pages" | "orders" | "import";
  /** Seconds of order placement (after the order warm-up). */
  orderDuration: number;
  /** Orders placed before measuring (deep SKUs only; 0 to skip). */
  orderWarmup: number;
  /** --scale: the chain-size database, every main page, add to cart and orders at each of `levels` connections. */
  scale: boolean;
  levels: number[];
  /** --matrix: SQLite vs PostgreSQL, one vs two instances behind nginx (issue 8). */
  matrix: boolean;
}

/** Shoppers open the catalog inside WeChat on a phone; the benchmark asks the way they do. */
export const DEFAULT_USER_AGENT =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) " +
  "Mobile/15E148 MicroMessenger/8.0.50(0x1800322d) NetType/WIFI Language/zh_CN";

export const USAGE = `Usage: npm run bench -- [options]

Prepares bench-results/bench.db (migrate + seed), builds into .next-bench, starts
\`next start\` on --port, load-tests a static page, a product page and a category page
with autocannon, measures first-load JS, then places orders with --connections signed-in
buyers (POST /api/shop/orders) and checks the database for oversells, imports a
100,000-row stock CSV (validate + apply) into a copy of the fresh bench database, and writes
bench-results/latest.{json,md}.

Options
  --base-url <url>      benchmark a server that is already running (skips database, build, start)
  --db <file>           with --base-url: that server's SQLite file; pages are discovered from it (default
                        bench-results/bench.db, else data/app.db) and the order phase needs it (no default)
  --port <n>            port for the bench server (default 3200)
  --no-build            reuse the .next-bench build when it exists
  --duration <s>        seconds of load per page (default 10)
  --connections <n>     concurrent connections (default 50)
  --warmup <n>          requests per page before measuring (default 200; 0 to skip)
  --brand <slug>        brand whose pages are discovered (default lumi)
  --static <path>       the static reference page (default /offline)
  --product <path>      product page (default: a /<brand>/p/<styleCode> with stock, from the database)
  --category <path>     category page (default: a leaf /<brand>/c/<slug> with products, from the database)
  --health <path>       readiness URL that must answer 200 (default /api/health)
  --user-agent <ua>     User-Agent header (default: WeChat on iPhone)
  --header "K: v"       extra request header; repeatable
  --only <what>         pages: static, product, category and first-load JS only;
                        orders: the static page (the ratio's reference) and order placement only;
                        import: the 100,000-row stock CSV import only (validate + apply through
                        lib/imports on a copy of a freshly seeded bench database; no build, no server);
                        default: everything
  --order-duration <s>  seconds of order placement (default 15)
  --order-warmup <n>    orders placed before measuring, deep-stock SKUs only (default 100; 0 to skip)
  --scale               chain scale instead: data/scale.db (built by npm run seed:scale when missing; --db
                        names another), brand "chain"; static, home, category, product, store finder,
                        search, guide home, four admin lists, add to cart and order placement at each of
                        --levels connections; writes bench-results/scale-latest.{json,md}
                        (defaults then: --duration 5, --order-duration 5, --warmup 100)
  --levels <a,b,c>      connection levels of --scale (default 10,50,100)
  --matrix              SQLite × 1, SQLite × 2, PostgreSQL × 1, PostgreSQL × 2 instances, each behind nginx on a
                        fresh database of its own, one build (.next-matrix) for all: the static and product pages,
                        then order placement and its integrity check per cell; PostgreSQL is PG_ADMIN_URL's server
                        or a throwaway one (scripts/pg-server.sh); writes bench-results/matrix-latest.{json,md}
                        (defaults then: --duration 8, --order-duration 8)
  --strict              exit 1 when a target fails (default: always exit 0 after a complete run)
  -h, --help            this text

Order placement writes into the database: --connections members bench_buyer_01… and the stock of 25 SKUs at one
pickup store (ADJUST ledger rows, actor system:bench). With --base-url it runs only when --db names the
server's database; the sessions are signed with APP_SECRET, else APP_SECRET_FILE, else data/.app-secret.
The managed server gets a fresh APP_SECRET for each run.
`;

function positiveInt(name: string, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new BenchError(`--${name} must be an integer ≥ ${min}, got "${raw}"`);
  return value;
}

function pagePath(name: string, raw: string | undefined): string | null {
  if (raw === undefined) return null;
  if (!raw.startsWith("/")) throw new BenchError(`--${name} must be a path starting with "/", got "${raw}"`);
  return raw;
}

/** Strict flags, no positionals; a bad flag is a BenchError that ends with the usage text. Shared with `npm run soak`. */
export function parseFlags<T extends NonNullable<ParseArgsConfig["options"]>>(argv: string[], options: T, usage: string) {
  try {
    return parseArgs({ args: argv, strict: true, allowPositionals: false, options });
  } catch (error) {
    throw new BenchError(`${(error as Error).message}\n\n${usage}`);
  }
}

export function parseOptions(argv: string[]): BenchOptions {
  const parsed = parseFlags(
    argv,
    {
      help: { type: "boolean", short: "h" },
      "base-url": { type: "string" },
      db: { type: "string" },
      port: { type: "string" },
      "no-build": { type: "boolean" },
      duration: { type: "string" },
      connections: { type: "string" },
      warmup: { type: "string" },
      brand: { type: "string" },
      static: { type: "string" },
      product: { type: "string" },
      category: { type: "string" },
      health: { type: "string" },
      "user-agent": { type: "string" },
      header: { type: "string", multiple: true },
      strict: { type: "boolean" },
      only: { type: "string" },
      "order-duration": { type: "string" },
      "order-warmup": { type: "string" },
      scale: { type: "boolean" },
      levels: { type: "string" },
      matrix: { type: "boolean" },
    },
    USAGE,
  );
  const v = parsed.values;

  let baseUrl: string | null = null;
  if (v["base-url"] !== undefined) {
    try {
      baseUrl = new URL(v["base-url"]).origin;
    } catch {
      throw new BenchError(`--base-url must be an absolute URL such as http://127.0.0.1:3000, got "${v["base-url"]}"`);
    }
  }

  const headers: Record<string, string> = {
    "user-agent": v["user-agent"] ?? DEFAULT_USER_AGENT,
    "accept-language": "zh-CN,zh;q=0.9,en;q=0.8",
    accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
  };
  for (const header of v.header ?? []) {
    const colon = header.indexOf(":");
    if (colon <= 0) throw new BenchError(`--header must look like "Name: value", got "${header}"`);
    headers[header.slice(0, colon).trim().toLowerCase()] = header.slice(colon + 1).trim();
  }

  const brand = v.brand ?? "lumi";
  if (!/^[a-z0-9-]+$/.test(brand)) throw new BenchError(`--brand must be a brand slug, got "${brand}"`);

  const only = v.only ?? "all";
  if (only !== "all" && only !== "pages" && only !== "orders" && only !== "import") throw new BenchError(`--only must be pages, orders or import, got "${only}"`);

  const scale = v.scale ?? false;
  const levels = (v.levels ?? "10,50,100").split(",").map((raw) => positiveInt("levels", raw.trim(), 0, 1));
  if (v.levels !== undefined && !scale) throw new BenchError("--levels goes with --scale");
  const matrix = v.matrix ?? false;
  if (matrix && (scale || v["base-url"] !== undefined || v.only !== undefined)) throw new BenchError("--matrix runs on its own: not with --scale, --base-url or --only");

  return {
    scale,
    levels,
    matrix,
    help: v.help ?? false,
    baseUrl,
    port: positiveInt("port", v.port, 3200, 1),
    build: !(v["no-build"] ?? false),
    duration: positiveInt("duration", v.duration, scale ? 5 : matrix ? 8 : 10, 1),
    connections: positiveInt("connections", v.connections, 50, 1),
    warmup: positiveInt("warmup", v.warmup, scale ? 100 : 200, 0),
    brand,
    health: pagePath("health", v.health) ?? "/api/health",
    staticPath: pagePath("static", v.static) ?? "/offline",
    productPath: pagePath("product", v.product),
    categoryPath: pagePath("category", v.category),
    db: v.db ?? null,
    headers,
    strict: v.strict ?? false,
    only,
    orderDuration: positiveInt("order-duration", v["order-duration"], scale ? 5 : matrix ? 8 : 15, 1),
    orderWarmup: positiveInt("order-warmup", v["order-warmup"], 100, 0),
  };
}
