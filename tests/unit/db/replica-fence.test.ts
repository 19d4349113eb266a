import { afterEach, describe, expect, it, vi } from "vitest";
import { endOfLastRecord, lsnValue, REPLICA_RETRY_MS, replicaFence } from "@/lib/db/replica-fence";

// The fence's decisions against scripted servers (the real thing, a streaming standby, is in
// tests/integration/ops/read-replicas.test.ts on the PostgreSQL run): a replica answers only once its replay position
// reaches the primary's insert position as it was when the read began.

const MB16 = 16n * 1024n * 1024n;

/** A primary whose insert position is `lsn()`, counting the questions it was asked. */
function primaryAt(lsn: () => string) {
  const server = {
    asked: 0,
    async $queryRaw<T>(): Promise<T> {
      server.asked++;
      return [{ lsn: lsn(), block: 8192, segment: MB16 }] as T;
    },
  };
  return server;
}

/** A replica answering with `answer()` (a standby's replay position, "not a standby", a failure or no answer). */
function replicaWith(answer: () => { standby: boolean; lsn: string | null } | Error | "hang") {
  const server = {
    asked: 0,
    async $queryRaw<T>(): Promise<T> {
      server.asked++;
      const a = answer();
      if (a === "hang") return new Promise<T>(() => {});
      if (a instanceof Error) throw a;
      return [a] as T;
    },
  };
  return server;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("WAL positions", () => {
  it("reads X/Y as one number", () => {
    expect(lsnValue("0/0")).toBe(0n);
    expect(lsnValue("0/30011B0")).toBe(0x30011b0n);
    expect(lsnValue("1A/FF")).toBe((0x1an << 32n) + 0xffn);
    expect(lsnValue("1/0") > lsnValue("0/FFFFFFFF")).toBe(true);
  });

  it("takes an insert position just past a page header back to the page's start", () => {
    // A fresh segment: the primary at 0/3000028 (past the 40-byte long header), the standby at 0/3000000.
    expect(endOfLastRecord(0x3000028n, 8192n, MB16)).toBe(0x3000000n);
    expect(endOfLastRecord(0x3002018n, 8192n, MB16)).toBe(0x3002000n); // 24-byte header of a later page
    expect(endOfLastRecord(0x30011b0n, 8192n, MB16)).toBe(0x30011b0n); // mid-page: as it is
    expect(endOfLastRecord(0x3002028n, 8192n, MB16)).toBe(0x3002028n); // 40 bytes into a page that is not a segment's first
  });
});

describe("replicaFence", () => {
  it("lets a caught-up standby answer, and shares one question per server among reads that start together", async () => {
    const primary = primaryAt(() => "0/5000100");
    const replica = replicaWith(() => ({ standby: true, lsn: "0/5000100" }));
    const fence = replicaFence(primary, replica, 100);
    expect(await Promise.all([fence(), fence(), fence()])).toEqual([true, true, true]);
    expect(primary.asked).toBe(1);
    expect(replica.asked).toBe(1);
  });

  it("waits for a standby that catches up within the wait", async () => {
    let replayed = 0x5000000;
    const primary = primaryAt(() => "0/5000100");
    const replica = replicaWith(() => ({ standby: true, lsn: `0/${(replayed += 0x40).toString(16)}` }));
    expect(await replicaFence(primary, replica, 1000)()).toBe(true);
    expect(replica.asked).toBe(4);
  });

  it("says behind when the standby has not caught up by the end of the wait", async () => {
    const primary = primaryAt(() => "0/5000100");
    const replica = replicaWith(() => ({ standby: true, lsn: "0/50000FF" }));
    const started = Date.now();
    expect(await replicaFence(primary, replica, 60)()).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
    expect(replica.asked).toBeGreaterThan(1);
  });

  it("says behind for a standby that has replayed nothing yet", async () => {
    expect(await replicaFence(primaryAt(() => "0/100"), replicaWith(() => ({ standby: true, lsn: null })), 20)()).toBe(false);
  });

  it("trusts a replica that is not in recovery (nothing to replay: a logical replica, a test's second database)", async () => {
    expect(await replicaFence(primaryAt(() => "0/5000100"), replicaWith(() => ({ standby: false, lsn: null })), 20)()).toBe(true);
  });

  it("counts a replica that does not answer within the wait as failed", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const replica = replicaWith(() => "hang");
    const fence = replicaFence(primaryAt(() => "0/100"), replica, 50);
    const started = Date.now();
    expect(await fence()).toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(String(warn.mock.calls[0])).toMatch(/no answer within 50 ms/);
    expect(await fence()).toBe(false); // left alone: no second wait
    expect(replica.asked).toBe(1);
  });

  it("leaves a failed replica alone for a while, with one warning", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    let down = true;
    const replica = replicaWith(() => (down ? new Error("connect ECONNREFUSED 127.0.0.1:5433") : { standby: true, lsn: "0/100" }));
    const now = vi.spyOn(Date, "now");
    now.mockReturnValue(1_000_000);
    const fence = replicaFence(primaryAt(() => "0/100"), replica, 50);
    expect(await fence()).toBe(false);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0])).toMatch(/ECONNREFUSED/);
    down = false;
    expect(await fence()).toBe(false); // not asked again yet
    expect(replica.asked).toBe(1);
    now.mockReturnValue(1_000_000 + REPLICA_RETRY_MS);
    expect(await fence()).toBe(true);
    expect(replica.asked).toBe(2);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it("fails the read when the primary fails, as it would without replicas", async () => {
    const primary = { $queryRaw: async () => Promise.reject(new Error("primary down")) };
    await expect(replicaFence(primary, replicaWith(() => ({ standby: true, lsn: "0/100" })), 20)()).rejects.toThrow("primary down");
  });
});
