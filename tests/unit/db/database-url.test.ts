import { afterEach, describe, expect, it } from "vitest";
import { databaseUrl } from "@/lib/db-url";
import { DEFAULT_DATABASE_URL, dialect, dialectOf, replicaUrls, replicaUrlsOf } from "@/lib/db/dialect";

// DATABASE_URL picks the database once per process: file: is SQLite, postgres(ql):// is PostgreSQL, anything else
// is refused at start with a message, never opened as a SQLite file called "mysql://…".

const saved = process.env.DATABASE_URL;
afterEach(() => {
  process.env.DATABASE_URL = saved;
});

describe("databaseUrl and dialect", () => {
  it("keeps a file: URL and calls it SQLite", () => {
    process.env.DATABASE_URL = "file:./tests/.tmp/unit-url.db";
    expect(databaseUrl()).toBe("file:./tests/.tmp/unit-url.db");
    expect(dialect()).toBe("sqlite");
  });

  it("defaults to the SQLite file under data/", () => {
    delete process.env.DATABASE_URL;
    expect(dialect()).toBe("sqlite");
    expect(databaseUrl()).toBe("file:./data/app.db");
  });

  it("accepts postgres:// and postgresql:// as PostgreSQL", () => {
    for (const url of ["postgresql://app:secret@db/main", "postgres://db/main?sslmode=require"]) {
      process.env.DATABASE_URL = url;
      expect(databaseUrl()).toBe(url);
      expect(dialect()).toBe("postgresql");
    }
  });

  it("refuses any other scheme, in Chinese first, without echoing credentials", () => {
    for (const url of ["mysql://app:secret@db/main", "sqlite:app.db", "./data/app.db"]) {
      process.env.DATABASE_URL = url;
      expect(() => databaseUrl()).toThrow(/^DATABASE_URL 须为 SQLite 文件（file:…）或 PostgreSQL.*must be a SQLite file/);
      expect(() => dialectOf(url)).not.toThrow(/secret/);
    }
  });
});

describe("DATABASE_REPLICA_URLS", () => {
  const pg = "postgresql://app:secret@primary/main";

  it("is no replicas when unset or blank", () => {
    expect(replicaUrlsOf(pg, undefined)).toEqual([]);
    expect(replicaUrlsOf(pg, " , ")).toEqual([]);
    expect(replicaUrlsOf("file:./data/app.db", "")).toEqual([]);
  });

  it("splits a comma-separated list of PostgreSQL URLs", () => {
    expect(replicaUrlsOf(pg, "postgresql://ro@replica-1/main, postgres://ro@replica-2/main?sslmode=require,")).toEqual([
      "postgresql://ro@replica-1/main",
      "postgres://ro@replica-2/main?sslmode=require",
    ]);
  });

  it("refuses replicas of a SQLite database, in Chinese first", () => {
    for (const primary of ["file:./data/app.db", DEFAULT_DATABASE_URL]) {
      expect(() => replicaUrlsOf(primary, "postgresql://ro@replica-1/main")).toThrow(/^DATABASE_REPLICA_URLS 仅适用于 PostgreSQL.*needs a PostgreSQL DATABASE_URL/);
    }
  });

  it("refuses a replica URL that is not PostgreSQL, without echoing credentials", () => {
    const refuse = () => replicaUrlsOf(pg, "postgresql://ro@replica-1/main,mysql://ro:secret@replica-2/main");
    expect(refuse).toThrow(/^DATABASE_REPLICA_URLS 的每一项须为 PostgreSQL.*every DATABASE_REPLICA_URLS entry must be PostgreSQL.*: mysql:…$/);
    expect(refuse).not.toThrow(/secret/);
  });

  it("replicaUrls() reads both variables of the process", () => {
    const savedReplicas = process.env.DATABASE_REPLICA_URLS;
    try {
      process.env.DATABASE_URL = "file:./tests/.tmp/unit-url.db";
      process.env.DATABASE_REPLICA_URLS = "postgresql://ro@replica-1/main";
      expect(() => replicaUrls()).toThrow(/SQLite has no read replicas/);
      process.env.DATABASE_URL = pg;
      expect(replicaUrls()).toEqual(["postgresql://ro@replica-1/main"]);
    } finally {
      if (savedReplicas === undefined) delete process.env.DATABASE_REPLICA_URLS;
      else process.env.DATABASE_REPLICA_URLS = savedReplicas;
    }
  });
});
