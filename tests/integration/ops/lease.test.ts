import crypto from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { claimLease, PROCESS_HOLDER, releaseLease } from "@/lib/ops/lease";
import { stopSweeper, SWEEPER_LEASE, SWEEPER_LEASE_MS, sweepIfLeaseHolder } from "@/lib/orders/sweeper";

// Leases (JobLease, decision 032): work one instance of several does at a time. Claimers at once get exactly one
// winner, on SQLite and on PostgreSQL; the winner renews; the others take over only after it lapsed. The order
// sweeper ticks under the lease "order-sweeper". Instances are simulated by holder names.

const T0 = new Date("2026-03-01T04:00:00.000Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const fresh = () => `test:${crypto.randomBytes(6).toString("hex")}`;

afterEach(async () => {
  stopSweeper();
  vi.unstubAllEnvs();
  // The sweeper's lease is shared by the whole run's database: leave it to the next file unclaimed.
  await db.jobLease.deleteMany({ where: { name: SWEEPER_LEASE } });
});

describe("claimLease", () => {
  it("two holders at once: exactly one wins, and the row names it", async () => {
    for (let round = 0; round < 5; round++) {
      const name = fresh();
      const [a, b] = await Promise.all([claimLease(name, "instance-a", 10_000, T0), claimLease(name, "instance-b", 10_000, T0)]);
      expect([a, b].filter(Boolean)).toHaveLength(1);
      const row = await db.jobLease.findUniqueOrThrow({ where: { name } });
      expect(row.holder).toBe(a ? "instance-a" : "instance-b");
      expect(row.until.getTime()).toBe(T0.getTime() + 10_000);
    }
  });

  it("eight claimers of a held lease and of a lapsed one: one winner each time", async () => {
    const name = fresh();
    const holders = Array.from({ length: 8 }, (_, i) => `instance-${i}`);
    const first = await Promise.all(holders.map((h) => claimLease(name, h, 10_000, T0)));
    expect(first.filter(Boolean)).toHaveLength(1);
    const winner = holders[first.indexOf(true)]!;
    // Held: nobody else gets it, whatever the order.
    const held = await Promise.all(holders.filter((h) => h !== winner).map((h) => claimLease(name, h, 10_000, at(5_000))));
    expect(held.filter(Boolean)).toHaveLength(0);
    // Lapsed: exactly one of the others takes it over.
    const others = holders.filter((h) => h !== winner);
    const after = await Promise.all(others.map((h) => claimLease(name, h, 10_000, at(10_001))));
    expect(after.filter(Boolean)).toHaveLength(1);
    expect((await db.jobLease.findUniqueOrThrow({ where: { name } })).holder).toBe(others[after.indexOf(true)]);
  });

  it("the holder renews before the end; another takes over only after it lapsed", async () => {
    const name = fresh();
    expect(await claimLease(name, "instance-a", 10_000, T0)).toBe(true);
    expect(await claimLease(name, "instance-b", 10_000, at(9_000))).toBe(false);
    expect(await claimLease(name, "instance-a", 10_000, at(9_000))).toBe(true); // renewed: until T0 + 19 s
    expect((await db.jobLease.findUniqueOrThrow({ where: { name } })).until.getTime()).toBe(T0.getTime() + 19_000);
    expect(await claimLease(name, "instance-b", 10_000, at(15_000))).toBe(false); // the first lease would have lapsed
    expect(await claimLease(name, "instance-b", 10_000, at(18_999))).toBe(false);
    expect(await claimLease(name, "instance-b", 10_000, at(19_001))).toBe(true);
    expect(await claimLease(name, "instance-a", 10_000, at(20_000))).toBe(false); // a's turn is over until b's lapses
  });

  it("a released lease is free at once; releasing another holder's lease does nothing", async () => {
    const name = fresh();
    expect(await claimLease(name, "instance-a", 10_000, T0)).toBe(true);
    await releaseLease(name, "instance-b");
    expect(await claimLease(name, "instance-b", 10_000, at(1_000))).toBe(false);
    await releaseLease(name, "instance-a");
    expect(await claimLease(name, "instance-b", 10_000, at(1_000))).toBe(true);
  });
});

describe("the order sweeper under its lease", () => {
  // Long ago: nothing is due then, so the sweep itself changes nothing in the shared database.
  const LONG_AGO = new Date("2001-01-01T00:00:00.000Z");
  const later = (ms: number) => new Date(LONG_AGO.getTime() + ms);

  it("two instances tick at once: one sweeps, the other does not; the holder keeps it tick after tick", async () => {
    const [a, b] = await Promise.all([sweepIfLeaseHolder("instance-a", LONG_AGO), sweepIfLeaseHolder("instance-b", LONG_AGO)]);
    expect([a, b].filter((r) => r !== null)).toHaveLength(1);
    expect(a ?? b).toMatchObject({ cancelled: 0, holdsExpired: 0, settled: 0 });
    const [holder, other] = a ? ["instance-a", "instance-b"] : ["instance-b", "instance-a"];
    for (let tick = 1; tick <= 3; tick++) {
      const [mine, theirs] = await Promise.all([sweepIfLeaseHolder(holder, later(tick * 60_000)), sweepIfLeaseHolder(other, later(tick * 60_000))]);
      expect(mine).not.toBeNull();
      expect(theirs).toBeNull();
    }
    const row = await db.jobLease.findUniqueOrThrow({ where: { name: SWEEPER_LEASE } });
    expect(row).toMatchObject({ holder, until: later(3 * 60_000 + SWEEPER_LEASE_MS) });
  });

  it("when the holder stops ticking, another instance sweeps once its lease lapsed", async () => {
    expect(await sweepIfLeaseHolder("instance-a", LONG_AGO)).not.toBeNull();
    expect(await sweepIfLeaseHolder("instance-b", later(60_000))).toBeNull();
    expect(await sweepIfLeaseHolder("instance-b", later(SWEEPER_LEASE_MS + 1))).not.toBeNull();
    expect(await sweepIfLeaseHolder("instance-a", later(SWEEPER_LEASE_MS + 60_000))).toBeNull();
  });

  it("ORDER_SWEEPER=off: the start-up hook neither sweeps nor claims the lease", async () => {
    vi.stubEnv("NEXT_RUNTIME", "nodejs");
    vi.stubEnv("ORDER_SWEEPER", "off");
    const { register } = await import("@/instrumentation");
    await register();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await db.jobLease.findUnique({ where: { name: SWEEPER_LEASE } })).toBeNull();
  });

  it("an instance's holder name is its host, pid and a random part", () => {
    expect(PROCESS_HOLDER).toMatch(new RegExp(`^.+:${process.pid}:[0-9a-f]{8}$`));
  });
});
