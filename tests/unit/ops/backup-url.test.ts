import { describe, expect, it } from "vitest";
import { databaseFile } from "@/lib/ops/backup";

// db:backup / db:restore copy a SQLite file; on PostgreSQL they refuse and point at its own tools.
describe("databaseFile", () => {
  it("resolves a SQLite file: URL", () => {
    expect(databaseFile("file:./data/app.db")).toMatch(/data\/app\.db$/);
  });

  it("refuses a PostgreSQL URL, in Chinese first, pointing at pg_dump, without echoing the password", () => {
    expect(() => databaseFile("postgresql://mc:s3cret@db.internal/mc")).toThrow(/^数据库不是 SQLite 文件.*pg_dump.*for PostgreSQL use pg_dump/);
    expect(() => databaseFile("postgresql://mc:s3cret@db.internal/mc")).not.toThrow(/s3cret/);
  });
});
