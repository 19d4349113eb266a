// Which database this process talks to, decided once from DATABASE_URL (decision 030): a `file:` URL (or none)
// is the embedded SQLite default, `postgres://`/`postgresql://` is PostgreSQL. Anything else is refused at start
// instead of being opened as a SQLite file of that name. No imports from lib/: scripts and the config load it.

export type Dialect = "sqlite" | "postgresql";

export const DEFAULT_DATABASE_URL = "file:./data/app.db";

export function dialectOf(url: string): Dialect {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  throw new Error(
    `DATABASE_URL 须为 SQLite 文件（file:…）或 PostgreSQL（postgresql://…）/ DATABASE_URL must be a SQLite file (file:…) or PostgreSQL (postgresql://…): ${url.split(":")[0]}:…`,
  );
}

/** The dialect of this process's DATABASE_URL. */
export function dialect(): Dialect {
  return dialectOf(process.env.DATABASE_URL || DEFAULT_DATABASE_URL);
}

export const onPostgres = (): boolean => dialect() === "postgresql";
