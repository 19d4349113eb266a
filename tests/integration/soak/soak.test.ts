// `npm run soak` end to end for 20 s: a fresh seed, `next start` on the existing .next-bench build (building here
// would take minutes), mixed traffic, memory sampling, and the database checks. Without a build, the same test runs
// the parts that need no server: the ledger check on this run's database after real orders, placed, paid and sold.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { placeOrder } from "@/lib/orders/placement";
import { confirmSandboxPayment, startPayment } from "@/lib/orders/payment";
import { createSandboxProvider } from "@/lib/payments";
import { Cleanup } from "../../../scripts/bench/env";
import { distExists } from "../../../scripts/bench/prepare";
import { checkLedger, takeBaseline } from "../../../scripts/soak/ledger";
import { parseSoakOptions } from "../../../scripts/soak/options";
import { runSoak } from "../../../scripts/soak/run";
import { repoRoot } from "../../setup/sqlite-files";
import { brandOf, key, newMember, newSku, stock } from "../orders/fixtures";

const TMP = path.join(repoRoot, "tests", ".tmp");
const made: string[] = [];
afterAll(() => {
  for (const file of made) for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
});

function tmpFile(name: string): string {
  fs.mkdirSync(TMP, { recursive: true });
  const file = path.join(TMP, `soak-${process.pid}-${name}`);
  made.push(file);
  return file;
}

/** A consistent copy of a live SQLite database (its WAL included), to break on purpose. */
async function copyOf(file: string, name: string): Promise<string> {
  const copy = tmpFile(name);
  const source = new Database(file, { readonly: true });
  try {
    await source.backup(copy);
  } finally {
    source.close();
  }
  return copy;
}

/** Stock changed behind the ledger's back in `file` (one unit more of a store+SKU row): the check must name it. */
function expectCaught(file: string, baseline: ReturnType<typeof takeBaseline>, row?: { storeId: string; skuId: string }): void {
  const broken = new Database(file);
  let storeId: string;
  let skuId: string;
  try {
    ({ storeId, skuId } = row ?? (broken.prepare("SELECT storeId, skuId FROM Inventory ORDER BY rowid DESC LIMIT 1").get() as { storeId: string; skuId: string }));
    broken.prepare("UPDATE Inventory SET onHand = onHand + 1 WHERE storeId = ? AND skuId = ?").run(storeId, skuId);
  } finally {
    broken.close();
  }
  const check = checkLedger(file, baseline);
  expect(check.pass).toBe(false);
  expect(check.baselineMismatches).toBe(1);
  expect(check.totalMismatches).toBe(1);
  expect(check.problems.join("\n")).toContain(`${storeId}|${skuId}`);
}

describe("npm run soak", () => {
  const built = distExists();

  it(
    built
      ? "soaks next start for 20 s: no 5xx, every answer expected, memory sampled, ledger, orders, payments and favourites consistent"
      : "without a .next-bench build: the ledger check holds after real orders (placed, paid, sold out) and catches stock changed behind its back",
    async () => {
      if (built) {
        const opts = {
          ...parseSoakOptions(["--duration", "20", "--no-build", "--port", "3161", "--sample-interval", "1", "--users", "6", "--pay-every", "1"]),
          dbFile: tmpFile("soak.db"),
          logFile: tmpFile("server.log"),
          reportBase: tmpFile("report"),
        };
        const cleanup = new Cleanup();
        let report;
        try {
          report = await runSoak(opts, [], cleanup);
        } finally {
          await cleanup.run();
        }
        const t = report.traffic;
        expect(t.all.server5xx).toBe(0);
        expect(t.all.errors).toBe(0);
        expect({ browse: t.browse.unexpected, favourite: t.favourite.unexpected, order: t.order.unexpected }).toEqual({ browse: 0, favourite: 0, order: 0 });
        // The 90/5/5 mix, exact per block of 20 actions started (each shopper may stop mid-block at the deadline).
        expect(Math.abs(t.favourite.actions - t.all.actions / 20)).toBeLessThanOrEqual(opts.users);
        expect(Math.abs(t.order.actions - t.all.actions / 20)).toBeLessThanOrEqual(opts.users);
        expect(Object.keys(t.browse.steps).sort()).toEqual(
          ["availability", "categories", "category", "home", "product", "search", "store", "stores"].map((p) => `browse:${p}`),
        );
        expect(report.orders.placed).toBeGreaterThan(0);
        expect(report.payments.paidAnswers).toBeGreaterThan(0);
        expect(report.payments).toMatchObject({ notPaidInDb: 0, paidUnasked: 0 });
        expect(report.ledger.orders.paid).toBe(report.payments.paidAnswers);
        expect(report.favourites.adds).toBeGreaterThan(0);
        expect(report.favourites.mismatches).toBe(0);
        expect(report.orders.problems).toEqual([]);
        expect(report.ledger.problems).toEqual([]);
        expect(report.serverDied).toBeNull();
        expect(report.serverLogErrors).toEqual([]);
        // 20 s is all warm-up (JIT, caches filling), so the verdict is computed but not expected to be flat here.
        expect(report.memory.samples.length).toBeGreaterThanOrEqual(18);
        expect(report.memory.samples.every((s) => s.rssMB !== null && s.rssMB > 50)).toBe(true);
        expect(report.memory.samples.some((s) => s.heapAfterGcMB !== null)).toBe(true);
        expect(report.memory.rss.slopeMBPerMin).not.toBeNull();
        expect(report.failures.every((f) => f.startsWith("memory (RSS)"))).toBe(true);

        expectCaught(await copyOf(opts.dbFile, "broken.db"), takeBaseline(opts.dbFile));
        return;
      }

      // No build: the same checks on this run's database, after orders placed and paid through lib/orders.
      const file = (process.env.DATABASE_URL ?? "").replace(/^file:/, "");
      const brand = await brandOf();
      const store = await db.store.findFirstOrThrow({ where: { brandId: brand.id, kind: "DIRECT", active: true, pickupEnabled: true }, orderBy: { code: "asc" } });
      const sku = await newSku(brand.id, 19900);
      await stock(store.id, sku.id, 2);
      const baseline = takeBaseline(file);
      const member = await newMember();
      const order = { brandId: brand.id, fulfilment: "PICKUP" as const, storeId: store.id, lines: [{ skuId: sku.id, quantity: 1 }] };
      const paid = await placeOrder(member.id, { ...order, idempotencyKey: key() });
      await startPayment(paid.number, member.id, { notifyUrl: "https://soak.invalid/notify", provider: createSandboxProvider() });
      await confirmSandboxPayment(paid.number, member.id);
      await placeOrder(member.id, { ...order, idempotencyKey: key() });
      await expect(placeOrder(member.id, { ...order, idempotencyKey: key() })).rejects.toMatchObject({ code: "sold_out" });

      const check = checkLedger(file, baseline);
      expect(check.baselineMismatches).toBe(0);
      expect(check.totalMismatches).toBe(0);
      expect(check.ledgerRowsSinceBaseline).toBe(2);
      expect(check.problems.filter((p) => p.includes(paid.number))).toEqual([]);
      expect(check.orders.paid).toBeGreaterThanOrEqual(1);
      expectCaught(await copyOf(file, "broken.db"), baseline, { storeId: store.id, skuId: sku.id });
    },
    120_000,
  );
});
