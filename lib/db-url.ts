import fs from "node:fs";
import path from "node:path";
import { DEFAULT_DATABASE_URL, dialectOf } from "./db/dialect";

/** The database the app and the CLI use: DATABASE_URL when set, else data/app.db. Creates a SQLite file's folder; refuses unknown schemes. */
export function databaseUrl(): string {
  const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  const kind = dialectOf(url);
  // The Prisma CLI reads env("DATABASE_URL") from the schema; without it, it falls back to downloading an engine.
  process.env.DATABASE_URL = url;
  if (kind === "sqlite") {
    try {
      fs.mkdirSync(path.dirname(path.resolve(url.slice("file:".length))), { recursive: true });
    } catch {
      // Unwritable location: opening the database will fail and /api/health will say so.
    }
  }
  return url;
}
