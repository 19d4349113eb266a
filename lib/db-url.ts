import fs from "node:fs";
import path from "node:path";

/** The SQLite file the app and the CLI use: DATABASE_URL when set, else data/app.db. Creates its folder; refuses any other scheme. */
export function databaseUrl(): string {
  const url = process.env.DATABASE_URL || "file:./data/app.db";
  // Until PostgreSQL lands (issue 8, decision 029) a postgres:// URL would be opened as a SQLite file of that name.
  if (!url.startsWith("file:")) {
    throw new Error(`DATABASE_URL 须为 SQLite 文件（file:…）；PostgreSQL 尚未支持 / DATABASE_URL must be a SQLite file (file:…); PostgreSQL is not supported yet: ${url.split(":")[0]}:…`);
  }
  // The Prisma CLI reads env("DATABASE_URL") from the schema; without it, it falls back to downloading an engine.
  process.env.DATABASE_URL = url;
  try {
    fs.mkdirSync(path.dirname(path.resolve(url.slice("file:".length))), { recursive: true });
  } catch {
    // Unwritable location: opening the database will fail and /api/health will say so.
  }
  return url;
}
