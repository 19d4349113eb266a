// Which database this process talks to, decided once from DATABASE_URL (decision 030): a `file:` URL (or none)
// is the embedded SQLite default, `postgres://`/`postgresql://` is PostgreSQL. Anything else is refused at start
// instead of being opened as a SQLite file of that name. No imports from lib/: scripts and the config load it.

export type Dialect = "sqlite" | "postgresql";

export const DEFAULT_DATABASE_URL = "file:./data/app.db";

const POSTGRES_URL = /^postgres(ql)?:\/\//;

export function dialectOf(url: string): Dialect {
  if (url.startsWith("file:")) return "sqlite";
  if (POSTGRES_URL.test(url)) return "postgresql";
  throw new Error(
    `DATABASE_URL 须为 SQLite 文件（file:…）或 PostgreSQL（postgresql://…）/ DATABASE_URL must be a SQLite file (file:…) or PostgreSQL (postgresql://…): ${url.split(":")[0]}:…`,
  );
}

/** The dialect of this process's DATABASE_URL. */
export function dialect(): Dialect {
  return dialectOf(process.env.DATABASE_URL || DEFAULT_DATABASE_URL);
}

export const onPostgres = (): boolean => dialect() === "postgresql";

/**
 * DATABASE_REPLICA_URLS (decision 033): comma-separated postgresql:// URLs of read replicas of the PostgreSQL
 * primary, or nothing. Refused at start with SQLite (it has no replicas) or with a URL that is not PostgreSQL.
 */
export function replicaUrlsOf(primaryUrl: string, list: string | undefined): string[] {
  const urls = (list ?? "").split(",").map((url) => url.trim()).filter((url) => url !== "");
  if (urls.length === 0) return [];
  if (dialectOf(primaryUrl) !== "postgresql") {
    throw new Error(
      "DATABASE_REPLICA_URLS 仅适用于 PostgreSQL（DATABASE_URL 须为 postgresql://…），SQLite 没有只读副本 / DATABASE_REPLICA_URLS needs a PostgreSQL DATABASE_URL (postgresql://…): SQLite has no read replicas",
    );
  }
  const others = urls.filter((url) => !POSTGRES_URL.test(url));
  if (others.length) {
    throw new Error(
      `DATABASE_REPLICA_URLS 的每一项须为 PostgreSQL（postgresql://…）/ every DATABASE_REPLICA_URLS entry must be PostgreSQL (postgresql://…): ${others.map((url) => `${url.split(":")[0]}:…`).join(", ")}`,
    );
  }
  return urls;
}

/** The read replicas of this process's database (DATABASE_REPLICA_URLS), none when unset. */
export function replicaUrls(): string[] {
  return replicaUrlsOf(process.env.DATABASE_URL || DEFAULT_DATABASE_URL, process.env.DATABASE_REPLICA_URLS);
}
