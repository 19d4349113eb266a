// The server is killed mid-checkout: a real child process reserves stock (placeOrder) for two orders, pays one,
// and is SIGKILLed before the other is paid. "Restart" = instrumentation.ts's register() in this process with the
// clock past payBy (start-up sweep): the unpaid order's reservation is released with a RELEASE ledger row, the
// paid order keeps its stock and its PAID status, and the ledger still equals stock.
import { spawn } from "node:child_process";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { ONLINE_PAY_MINUTES } from "@/lib/orders/placement";
import { stopSweeper } from "@/lib/orders/sweeper";
import { brandOf, inventoryOf, key, ledgerMismatches, newMember, newSku, stock } from "../orders/fixtures";
import { repoRoot } from "../../setup/sqlite-files";


/** Runs checkout-then-die.ts, waits for its report, then kills it with SIGKILL (no clean-up of any kind). */
function checkoutThenKill(args: string[]): Promise<{ unpaid: string; paid: string }> {
  return new Promise((resolve, reject) => {
    // tsx as a loader in the one process, as imports/kill.test.ts: the tsx CLI runs the script in a grandchild, so
    // SIGKILL reached only the CLI and the process that did the checkout lived on, holding the database.
    const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", path.join(repoRoot, "tests/integration/ops/checkout-then-die.ts"), ...args], {
      cwd: repoRoot,
      env: { ...process.env, ORDER_SWEEPER: "off", PAYMENT_PROVIDER: "sandbox" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("\n")) {
        child.kill("SIGKILL");
        child.on("exit", (_code, signal) => (signal === "SIGKILL" ? resolve(JSON.parse(out.split("\n")[0]!)) : reject(new Error(`child ended with ${signal}`))));
      }
    });
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.on("exit", (code) => code !== null && reject(new Error(`child exited ${code} before being killed:\n${err}`)));
    const guard = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`child did not report in time:\n${err}`));
    }, 60_000);
    child.on("exit", () => clearTimeout(guard));
  });
}

afterEach(() => {
  stopSweeper();
  vi.useRealTimers();
});

describe("the server killed mid-checkout", () => {
  it("on restart the start-up sweep releases the unpaid reservation past payBy and keeps the paid order", async () => {
    const brand = await brandOf();
    const store = await db.store.findFirstOrThrow({ where: { brandId: brand.id, kind: "DIRECT", active: true, pickupEnabled: true, mallName: { not: "" } }, orderBy: { code: "desc" } });
    const sku = await newSku(brand.id, 19900);
    await stock(store.id, sku.id, 5);
    const member = await newMember();

    const placed = await checkoutThenKill([member.id, brand.id, store.id, sku.id, key(), key()]);
    // Killed: both reservations are on the books, one order paid.
    expect((await inventoryOf(store.id, sku.id)).reserved).toBe(4);
    const unpaid = await db.order.findUniqueOrThrow({ where: { number: placed.unpaid } });
    expect(unpaid.status).toBe("PLACED");
    expect((await db.order.findUniqueOrThrow({ where: { number: placed.paid } })).status).toBe("PAID");

    // Restart after the pay window: the app's own start-up hook runs the sweep.
    vi.useFakeTimers({ toFake: ["Date"], now: new Date(unpaid.payBy!.getTime() + 60_000), shouldAdvanceTime: true });
    expect(Date.now()).toBeGreaterThan(unpaid.createdAt.getTime() + ONLINE_PAY_MINUTES * 60_000);
    vi.stubEnv("NEXT_RUNTIME", "nodejs");
    vi.stubEnv("ORDER_SWEEPER", "on");
    vi.stubEnv("PAYMENT_PROVIDER", "sandbox");
    const { register } = await import("@/instrumentation");
    await register();
    for (let i = 0; i < 100 && (await db.order.findUniqueOrThrow({ where: { id: unpaid.id } })).status === "PLACED"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    vi.unstubAllEnvs();

    expect((await db.order.findUniqueOrThrow({ where: { id: unpaid.id } })).status).toBe("CANCELLED");
    const inventory = await inventoryOf(store.id, sku.id);
    expect(inventory.reserved).toBe(2); // only the paid order's units stay reserved
    expect(inventory.onHand).toBe(5);
    const release = await db.stockLedger.findMany({ where: { reference: `order:${placed.unpaid}`, reason: "RELEASE" } });
    expect(release.map((r) => [r.reservedDelta, r.actor])).toEqual([[-2, "system:sweeper"]]);
    const paid = await db.order.findUniqueOrThrow({ where: { number: placed.paid }, include: { payments: true } });
    expect(paid.status).toBe("PAID");
    expect(paid.payments.map((p) => p.status)).toEqual(["SUCCEEDED"]);
    expect(await ledgerMismatches()).toEqual([]);
  }, 90_000);
});
