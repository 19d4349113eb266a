import { afterEach, describe, expect, it } from "vitest";
import { databaseUrl } from "@/lib/db-url";

// The app opens what DATABASE_URL names with the SQLite adapter: anything but a file: URL is refused at start with
// a message, never opened as a file called "postgresql://…".

const saved = process.env.DATABASE_URL;
afterEach(() => {
  process.env.DATABASE_URL = saved;
});

describe("databaseUrl", () => {
  it("keeps a file: URL", () => {
    process.env.DATABASE_URL = "file:./tests/.tmp/unit-url.db";
    expect(databaseUrl()).toBe("file:./tests/.tmp/unit-url.db");
  });

  it("refuses a PostgreSQL or other URL, in Chinese first, without echoing credentials", () => {
    for (const url of ["postgresql://app:secret@db/main", "postgres://db/main", "mysql://db/main"]) {
      process.env.DATABASE_URL = url;
      expect(() => databaseUrl()).toThrow(/^DATABASE_URL 须为 SQLite 文件.*PostgreSQL is not supported yet/);
      expect(() => databaseUrl()).not.toThrow(/secret/);
    }
  });
});
