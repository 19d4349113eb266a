import fs from "node:fs";
import path from "node:path";

/** The SQLite file the app and the CLI use: DATABASE_URL when set, else data/app.db. Creates its folder. */
export function databaseUrl(): string {
  const url = process.env.DATABASE_URL || "file:./data/app.db";
  // The Prisma CLI reads env("DATABASE_URL") from the schema; without it, it falls back to downloading an engine.
  process.env.DATABASE_URL = url;
  if (url.startsWith("file:")) {
    const file = url.slice("file:".length);
    try {
      fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    } catch {
      // Unwritable location: opening the database will fail and /api/health will say so.
    }
  }
  return url;
}
