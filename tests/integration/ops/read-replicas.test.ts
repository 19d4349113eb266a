import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db, replicaForRaw, replicaReads, withReadReplicas } from "@/lib/db";
import { periodOf } from "@/lib/analytics/filters";
import { onPostgres } from "../../setup/dialect";
import { clientFor, createFreshDatabase, type FreshDatabase } from "../../setup/fresh-db";
import { migratePg } from "../../setup/pg-databases";

// Read replicas (DATABASE_REPLICA_URLS, decision 033). The test run sets none, so replicaReads is the primary client
// itself. On PostgreSQL, a "replica" is a second database made from the same migrated template and seeded
// differently (the product's name, the brand's followers), so every answer shows which database it came from: the
// routed client is built with withReadReplicas() (no process env involved), and the catalog and dashboard modules
// are loaded with lib/db's replicaReads replaced by it, so their own code is what gets routed.

type Client = ReturnType<typeof clientFor>;
const BRAND = "brand_replica_test";
const STYLE = "RPL001";
const productId = `${BRAND}_p`;
const nameOn = async (client: Client) => (await client.product.findUniqueOrThrow({ where: { id: productId }, select: { name: true } })).name;

/** A brand, a category, a product named `productName` and `followers` members of the brand. */
async function seedOne(client: Client, productName: string, followers: number, now = new Date()) {
  await client.brand.create({
    data: { id: BRAND, slug: "replica-test", name: "副本测试", nameEn: "Replica test", colorPrimary: "#000000", colorAccent: "#ffffff", logoUrl: "/logo.svg" },
  });
  await client.category.create({ data: { id: `${BRAND}_c`, brandId: BRAND, slug: "dresses", name: "连衣裙", nameEn: "Dresses" } });
  await client.product.create({
    data: { id: productId, brandId: BRAND, categoryId: `${BRAND}_c`, styleCode: STYLE, name: productName, nameEn: productName, priceFen: 19900, launchedAt: now },
  });
  for (let i = 0; i < followers; i++) {
    await client.member.create({ data: { id: `${BRAND}_m${i}`, brands: { create: { brandId: BRAND, joinedAt: now } } } });
  }
}

describe("read replicas: none configured", () => {
  it("replicaReads is the primary client itself, and raw reads stay on it", () => {
    expect(process.env.DATABASE_REPLICA_URLS ?? "").toBe("");
    expect(replicaReads).toBe(db);
    expect(replicaForRaw(replicaReads)).toBe(db);
    expect(withReadReplicas(db, [])).toBe(db);
  });
});

if (onPostgres) {
  describe("read replicas on PostgreSQL: withReadReplicas(primary, urls)", () => {
    const PRIMARY_NAME = "主库名称 Primary name";
    const REPLICA_NAME = "副本名称 Replica name";
    const PRIMARY_FOLLOWERS = 1;
    const REPLICA_FOLLOWERS = 3;
    const now = new Date();
    const period = periodOf({}, now);

    let primaryDb: FreshDatabase;
    let replicaDb: FreshDatabase;
    let primary: Client;
    let replica: Client;
    let routed: Client;
    let catalog: typeof import("@/lib/catalog/queries");
    let analytics: typeof import("@/lib/analytics/queries");

    beforeAll(async () => {
      [primaryDb, replicaDb] = await Promise.all([createFreshDatabase(), createFreshDatabase()]);
      primary = clientFor(primaryDb.url);
      replica = clientFor(replicaDb.url);
      await seedOne(primary, PRIMARY_NAME, PRIMARY_FOLLOWERS, now);
      await seedOne(replica, REPLICA_NAME, REPLICA_FOLLOWERS, now);
      routed = withReadReplicas(primary, [replicaDb.url]);
      // The app's modules, with lib/db's replicaReads replaced by the routed client.
      vi.resetModules();
      vi.doMock("@/lib/db", async (importOriginal) => ({ ...(await importOriginal<typeof import("@/lib/db")>()), replicaReads: routed }));
      catalog = await import("@/lib/catalog/queries");
      analytics = await import("@/lib/analytics/queries");
    });

    afterAll(async () => {
      vi.doUnmock("@/lib/db");
      await routed?.$disconnect(); // the primary and the replica clients withReadReplicas made
      await primary?.$disconnect();
      await replica?.$disconnect();
      await primaryDb?.cleanup();
      await replicaDb?.cleanup();
    });

    it("sends model reads to the replica", async () => {
      expect(await nameOn(primary)).toBe(PRIMARY_NAME);
      expect(await nameOn(routed)).toBe(REPLICA_NAME);
      expect(await routed.memberBrand.count({ where: { brandId: BRAND } })).toBe(REPLICA_FOLLOWERS);
      const byCategory = await routed.product.groupBy({ by: ["categoryId"], where: { brandId: BRAND }, _count: { _all: true } });
      expect(byCategory).toEqual([{ categoryId: `${BRAND}_c`, _count: { _all: 1 } }]);
    });

    it("the catalog reads of lib/catalog/queries.ts come from the replica", async () => {
      const brand = await catalog.loadBrand("replica-test");
      expect(brand?.id).toBe(BRAND);
      expect((await catalog.loadProductDetail(BRAND, STYLE))?.name).toBe(REPLICA_NAME);
      expect((await catalog.loadNewArrivals(BRAND)).map((p) => p.name)).toEqual([REPLICA_NAME]);
      expect(await catalog.searchCatalog(BRAND, "Replica")).toMatchObject({ kind: "products", products: [{ name: REPLICA_NAME }] });
      expect(await catalog.searchCatalog(BRAND, "Primary")).toEqual({ kind: "products", products: [] });
    });

    it("the dashboards' raw SQL is routed to the replica explicitly (the extension leaves $queryRaw on the primary)", async () => {
      const count = (client: Client) =>
        client.$queryRaw<{ n: bigint }[]>`SELECT COUNT(*) AS n FROM "MemberBrand" WHERE "brandId" = ${BRAND}`.then(([row]) => Number(row!.n));
      expect(await count(routed)).toBe(PRIMARY_FOLLOWERS);
      expect(await count(replicaForRaw(routed))).toBe(REPLICA_FOLLOWERS);

      const scope = { brandId: BRAND, storeIds: null, period };
      const followers = await analytics.followersByDay(scope);
      expect(followers.at(-1)?.followers).toBe(REPLICA_FOLLOWERS);
      expect(await analytics.headline(scope)).toEqual({ activeFollowers: 0, favourites: 0, validOrders: 0 });
    });

    it("a write through the routed client goes to the primary", async () => {
      await routed.product.update({ where: { id: productId }, data: { priceFen: 25900 } });
      const price = (client: Client) => client.product.findUniqueOrThrow({ where: { id: productId } }).then((p) => p.priceFen);
      expect(await price(primary)).toBe(25900);
      expect(await price(replica)).toBe(19900);
      expect(await price(routed)).toBe(19900); // and it reads the replica, which has not caught up
      expect(await price((routed as typeof routed & { $primary(): typeof routed }).$primary())).toBe(25900);
    });

    it("inside a transaction every read is on the primary", async () => {
      expect(await routed.$transaction(async (tx) => nameOn(tx as typeof routed))).toBe(PRIMARY_NAME);
      const [inBatch] = await routed.$transaction([routed.product.findUniqueOrThrow({ where: { id: productId }, select: { name: true } })]);
      expect(inBatch.name).toBe(PRIMARY_NAME);
    });
  });

  // The fence against a real streaming standby (a throwaway primary and its pg_basebackup copy, started here):
  // replay paused on the standby, a write on the primary, and the routed read comes from the primary after the wait
  // instead of the standby's old row; replay resumed, the standby answers again.
  describe("the replica fence against a streaming standby", () => {
    const WAIT_MS = 300;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mc-standby-"));
    let primary: Client;
    let standby: Client;
    let routed: Client;
    const server = (command: string) => {
      const run = spawnSync("scripts/pg-server.sh", [command, dir], { encoding: "utf8" });
      if (run.status !== 0) throw new Error(`pg-server.sh ${command}: ${run.stderr}`);
      return run.stdout.trim();
    };
    const onDatabase = (adminUrl: string, name: string) => Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();

    beforeAll(async () => {
      const admin = server("start");
      const setup = new pg.Client({ connectionString: admin });
      await setup.connect();
      await setup.query(`CREATE DATABASE app TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`);
      await setup.end();
      await migratePg(onDatabase(admin, "app"));
      primary = clientFor(onDatabase(admin, "app"));
      await seedOne(primary, "第一版 First name", 0);
      const standbyUrl = onDatabase(server("standby"), "app");
      standby = clientFor(standbyUrl);
      routed = withReadReplicas(primary, [standbyUrl], WAIT_MS);
    }, 120_000);

    afterAll(async () => {
      await routed?.$disconnect();
      await primary?.$disconnect();
      await standby?.$disconnect();
      server("stop");
    });

    const replayPaused = async (paused: boolean) => {
      await (paused ? standby.$queryRaw`SELECT pg_wal_replay_pause()::text` : standby.$queryRaw`SELECT pg_wal_replay_resume()::text`);
    };

    it("the standby is a standby, and a caught-up standby answers without waiting", async () => {
      const [row] = await standby.$queryRaw<{ standby: boolean }[]>`SELECT pg_is_in_recovery() AS standby`;
      expect(row?.standby).toBe(true);
      await expect.poll(() => nameOn(standby)).toBe("第一版 First name");
      const started = Date.now();
      expect(await nameOn(routed)).toBe("第一版 First name");
      expect(Date.now() - started).toBeLessThan(WAIT_MS);
    });

    it("while the standby is behind, the primary answers model reads and raw reads after the wait", async () => {
      await replayPaused(true);
      try {
        await primary.product.update({ where: { id: productId }, data: { name: "第二版 Second name" } });
        expect(await nameOn(standby)).toBe("第一版 First name"); // what an unfenced replica read would cache
        const started = Date.now();
        expect(await nameOn(routed)).toBe("第二版 Second name");
        expect(Date.now() - started).toBeGreaterThanOrEqual(WAIT_MS - 10);
        const [raw] = await replicaForRaw(routed).$queryRaw<{ name: string }[]>`SELECT "name" FROM "Product" WHERE "id" = ${productId}`;
        expect(raw?.name).toBe("第二版 Second name");
      } finally {
        await replayPaused(false);
      }
      await expect.poll(() => nameOn(standby)).toBe("第二版 Second name");
      expect(await nameOn(routed)).toBe("第二版 Second name");
    });

    it("an unreachable replica leaves its reads to the primary", async () => {
      const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
      const lost = withReadReplicas(primary, ["postgresql://mc@127.0.0.1:1/app"], WAIT_MS);
      try {
        expect(await nameOn(lost)).toBe("第二版 Second name");
        expect(String(warn.mock.calls[0])).toMatch(/read replica failed/);
      } finally {
        warn.mockRestore();
      }
    });
  });
}
