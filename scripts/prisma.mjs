#!/usr/bin/env node
// Runs the Prisma CLI with DATABASE_URL defaulted to the app's SQLite file.
// The CLI reads env("DATABASE_URL") before prisma.config.ts runs; without it, it tries to download an engine.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

process.env.DATABASE_URL ||= "file:./data/app.db";
if (process.env.DATABASE_URL.startsWith("file:")) {
  fs.mkdirSync(path.dirname(path.resolve(process.env.DATABASE_URL.slice(5))), { recursive: true });
}
const cli = createRequire(import.meta.url).resolve("prisma/build/index.js");
const result = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], { stdio: "inherit", env: process.env });
process.exit(result.status ?? 1);
