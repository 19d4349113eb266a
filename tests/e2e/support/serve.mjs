#!/usr/bin/env node
// Playwright's webServer: the production build against a fresh e2e database.
//   1. delete tests/.tmp/e2e.db, migrate it (scripts/prisma.mjs) and seed it (prisma/seed.ts);
//   2. `next build` into .next-e2e (NEXT_DIST_DIR), so a developer's .next is never touched;
//   3. `next start -p $E2E_PORT` (default 3100) until Playwright stops us. No `-H 127.0.0.1`: Next
//      proxies middleware rewrites to `localhost`, which may resolve to ::1 first.
//      A copy of the fresh build goes to .next-build-snapshot first, for the cluster test of the same `npm test`
//      (scripts/build-snapshot.mjs).
// E2E_SKIP_BUILD=1 reuses an existing .next-e2e build (local iteration on specs only).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { BUILD_SNAPSHOT_DIR, snapshotBuild, sourceTreeId } from "../../../scripts/build-snapshot.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const require = createRequire(import.meta.url);
const port = process.env.E2E_PORT ?? "3100";
const distDir = ".next-e2e";
const dbFile = path.join(root, "tests", ".tmp", "e2e.db");
const seedScript = path.join(root, "prisma", "seed.ts");
const nextBin = require.resolve("next/dist/bin/next");
const wechatFakePort = process.env.WECHAT_FAKE_PORT ?? "3190";

// The e2e run only ever writes to its own local file (STYLE.md habit 9: refuse a non-local database).
const env = {
  ...process.env,
  DATABASE_URL: `file:${dbFile}`,
  NEXT_DIST_DIR: distDir,
  NEXT_TELEMETRY_DISABLED: "1",
  // The development SMS sender (code in the server log and a dev banner) in this production build.
  DEMO_MODE: "true",
  // WeChat web OAuth against the fake WeChat on loopback (tests/e2e/support/wechat-fake.ts).
  WECHAT_APP_ID: "wx0123456789abcdef",
  WECHAT_APP_SECRET: "0123456789abcdef0123456789abcdef",
  WECHAT_OPEN_HOST: `http://127.0.0.1:${wechatFakePort}`,
  WECHAT_API_HOST: `http://127.0.0.1:${wechatFakePort}`,
};

const log = (message) => console.log(`[e2e serve] ${message}`);
function step(label, args, after = () => {}) {
  const started = Date.now();
  log(`${label}…`);
  const result = spawnSync(process.execPath, args, { cwd: root, env, stdio: "inherit" });
  after();
  if (result.status !== 0) {
    console.error(`[e2e serve] ${label} failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
  log(`${label}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

// `next build` adds "<distDir>/types/**/*.ts" globs to tsconfig.json's include when they are
// missing. In a shared tree that is an unrelated diff, so undo exactly that change and nothing else
// (listing the two .next-e2e globs in tsconfig.json makes this a no-op).
const tsconfigPath = path.join(root, "tsconfig.json");
const tsconfigBefore = fs.readFileSync(tsconfigPath, "utf8");
function undoTsconfigRewrite() {
  const now = fs.readFileSync(tsconfigPath, "utf8");
  if (now === tsconfigBefore) return;
  const withoutOurGlobs = (text) => {
    const json = JSON.parse(text);
    json.include = (json.include ?? []).filter((glob) => !String(glob).startsWith(`${distDir}/`));
    return JSON.stringify(json);
  };
  let onlyOurGlobs = false;
  try {
    onlyOurGlobs = withoutOurGlobs(now) === withoutOurGlobs(tsconfigBefore);
  } catch {
    // not plain JSON (comments): leave it alone
  }
  if (onlyOurGlobs) {
    fs.writeFileSync(tsconfigPath, tsconfigBefore);
    log(`undid next build's ${distDir} include globs in tsconfig.json`);
  } else {
    log("tsconfig.json changed during the build (not only by next build): left as it is");
  }
}

fs.mkdirSync(path.dirname(dbFile), { recursive: true });
for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(dbFile + suffix, { force: true });
step(`migrate ${path.relative(root, dbFile)}`, [path.join(root, "scripts", "prisma.mjs"), "migrate", "deploy"]);
if (fs.existsSync(seedScript)) step("seed", [require.resolve("tsx/cli"), seedScript]);
else log("prisma/seed.ts does not exist yet: the e2e database is NOT seeded");

if (process.env.E2E_SKIP_BUILD === "1" && fs.existsSync(path.join(root, distDir, "BUILD_ID"))) {
  log(`E2E_SKIP_BUILD=1: reusing ${distDir}`);
} else {
  const treeId = sourceTreeId(root);
  step(`next build (${distDir})`, [nextBin, "build"], undoTsconfigRewrite);
  if (snapshotBuild(root, distDir, BUILD_SNAPSHOT_DIR, treeId)) log(`copied the build to ${BUILD_SNAPSHOT_DIR} for the cluster test`);
}

log(`fake WeChat on 127.0.0.1:${wechatFakePort}`);
const wechatFake = spawn(process.execPath, [require.resolve("tsx/cli"), path.join(root, "tests", "e2e", "support", "wechat-fake.ts")], {
  cwd: root,
  env: { ...env, WECHAT_FAKE_PORT: wechatFakePort },
  stdio: "inherit",
});

log(`next start on port ${port}`);
const server = spawn(process.execPath, [nextBin, "start", "-p", port], { cwd: root, env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    wechatFake.kill(signal);
    server.kill(signal);
  });
}
server.on("exit", (code, signal) => {
  wechatFake.kill("SIGTERM");
  process.exit(code ?? (signal ? 0 : 1));
});
