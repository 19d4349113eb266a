// Two `next start` instances of one build on one PostgreSQL database, behind nginx, all on loopback (issue 8,
// docs/plans/issue-8-postgresql.md §6.1). Used by tests/cluster/global-setup.ts:
//   1. PostgreSQL: the loopback server PG_ADMIN_URL names, or a throwaway one (scripts/pg-server.sh);
//   2. a database of its own (C collation), migrated and seeded by `node scripts/setup.mjs` (DEMO_ACTIVITY=off);
//   3. the build: the copy the e2e run of this `npm test` kept of its fresh build when it was built from this very
//      source tree (scripts/build-snapshot.mjs), else `next build` into .next-cluster (CLUSTER_SKIP_BUILD=1 reuses
//      an existing .next-cluster: local iteration on the tests only);
//   4. a copy of the build per instance (.next-cluster-a, .next-cluster-b; without the build's cache folder), as two
//      machines would each have their own: nothing cached on disk by one can be read by the other;
//   5. the instances (scripts/bench/server.ts: own process group, ready on /api/health) with the same APP_SECRET,
//      DEMO_MODE=true (the development SMS sender answers the code), pictures in one bucket (the fake S3 of tests/fakes,
//      in this process) and the order sweeper off on B; then nginx.
// Everything is undone newest first by the Cleanup: nginx, the instances, their copies of the build, the fake S3, the
// database (or the whole throwaway server).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { type Cleanup, log, ROOT, runNode } from "../../scripts/bench/env";
import { buildApp } from "../../scripts/bench/prepare";
import { freePort, startServer } from "../../scripts/bench/server";
import { BUILD_SNAPSHOT_DIR, copyBuild, snapshotMatches } from "../../scripts/build-snapshot.mjs";
import { startFakeS3 } from "../fakes/s3-server";
import { createPgDatabase, dropPgDatabase, ensurePgServer, removePgOrphans, uniquePgName } from "../../scripts/bench/pg-databases";
import { startNginx } from "../../scripts/bench/nginx";

export const CLUSTER_DIST_DIR = ".next-cluster";
const LOG_DIR = path.join(ROOT, "tests", ".tmp", "cluster");

export interface ClusterInfo {
  /** Instance A (http://127.0.0.1:port), the one that runs the order sweeper. */
  a: string;
  /** Instance B, sweeper off. */
  b: string;
  /** nginx in front of both. */
  proxy: string;
  databaseUrl: string;
  appSecret: string;
  /** nginx's access log: `<method> <uri> <status> <upstream>` per request. */
  accessLog: string;
}

/** Seconds since `started`, one decimal. */
const since = (started: number) => ((Date.now() - started) / 1000).toFixed(1);

export async function startCluster(cleanup: Cleanup): Promise<ClusterInfo> {
  const timings: string[] = [];
  let step = Date.now();
  const done = (what: string) => {
    timings.push(`${what} ${since(step)} s`);
    step = Date.now();
  };

  const ownServer = ensurePgServer(cleanup);
  await removePgOrphans();
  const name = uniquePgName("cluster");
  const databaseUrl = await createPgDatabase(name);
  // On a server of our own, stopping it removes everything (dropping first only costs seconds).
  if (!ownServer) {
    cleanup.add("cluster database", async () => {
      await dropPgDatabase(name);
      log(`database ${name} dropped`);
    });
  }
  const appSecret = crypto.randomBytes(32).toString("base64url");
  await runNode("setup (migrate, seed)", path.join(ROOT, "scripts", "setup.mjs"), [], { ...process.env, DATABASE_URL: databaseUrl, DEMO_ACTIVITY: "off", APP_SECRET: appSecret }, cleanup);
  done("database");

  const appEnv = { DATABASE_URL: databaseUrl, APP_SECRET: appSecret, DEMO_MODE: "true", TRUSTED_PROXY_HOPS: "1", NEXT_TELEMETRY_DISABLED: "1" };
  const bucket = { accessKeyId: "CLUSTERTESTKEY", secretAccessKey: crypto.randomBytes(30).toString("base64url"), buckets: ["cluster-media"] };
  const s3 = await startFakeS3(bucket);
  cleanup.add("fake S3", () => s3.close());
  const mediaEnv = { MEDIA_STORAGE: "s3", S3_ENDPOINT: s3.url, S3_BUCKET: "cluster-media", S3_REGION: s3.region, S3_ACCESS_KEY_ID: bucket.accessKeyId, S3_SECRET_ACCESS_KEY: bucket.secretAccessKey };
  let built = BUILD_SNAPSHOT_DIR;
  if (snapshotMatches(ROOT, BUILD_SNAPSHOT_DIR)) {
    log(`reusing the e2e run's build of this source tree (${BUILD_SNAPSHOT_DIR})`);
  } else {
    await buildApp(process.env.CLUSTER_SKIP_BUILD !== "1", cleanup, undefined, { distDir: CLUSTER_DIST_DIR, env: appEnv });
    built = CLUSTER_DIST_DIR;
  }
  done("build");

  const copyFor = (instance: string) => {
    const distDir = `${CLUSTER_DIST_DIR}-${instance}`;
    const target = path.join(ROOT, distDir);
    copyBuild(path.join(ROOT, built), target);
    cleanup.add(`${distDir} copy`, () => fs.rmSync(target, { recursive: true, force: true }));
    return distDir;
  };
  fs.mkdirSync(LOG_DIR, { recursive: true });
  const logs = { a: path.join(LOG_DIR, "a.log"), b: path.join(LOG_DIR, "b.log") };
  const [portA, portB, proxyPort] = [await freePort(), await freePort(), await freePort()];
  const [a, b] = await Promise.all([
    startServer(portA, "/api/health", cleanup, { ...appEnv, ...mediaEnv, NEXT_DIST_DIR: copyFor("a") }, { logFile: logs.a }),
    startServer(portB, "/api/health", cleanup, { ...appEnv, ...mediaEnv, NEXT_DIST_DIR: copyFor("b"), ORDER_SWEEPER: "off" }, { logFile: logs.b }),
  ]);
  // Both at once when the run ends (up to 5 s each when one is slow to close); their own entries then find them gone.
  cleanup.add("instances", async () => {
    await Promise.all([a.stop(), b.stop()]);
  });
  done("instances");
  const nginx = await startNginx(proxyPort, [`127.0.0.1:${portA}`, `127.0.0.1:${portB}`], cleanup);
  done("nginx");
  log(`cluster ready: A ${a.baseUrl}, B ${b.baseUrl}, nginx ${nginx.baseUrl}, database ${name} (${timings.join(", ")}); logs in ${path.relative(ROOT, LOG_DIR)}`);
  return { a: a.baseUrl, b: b.baseUrl, proxy: nginx.baseUrl, databaseUrl, appSecret, accessLog: nginx.accessLog };
}
