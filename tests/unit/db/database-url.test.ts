import { afterEach, describe, expect, it } from "vitest";
import { databaseUrl } from "@/lib/db-url";
import { dialect, dialectOf } from "@/lib/db/dialect";

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
