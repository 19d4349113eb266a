import { describe, expect, it } from "vitest";
import {
  SCHEMA_HEADER,
  baselineName,
  baselineSql,
  followUpSql,
  checksOfTable,
  isPartialIndex,
  pgSchemaFromSource,
  translateSql,
} from "../../../scripts/pg-schema/translate.mjs";

// Shapes copied from sqlite_master of the migrated SQLite history: named and unnamed table checks, a comment
// inside the statement, and columns appended by ALTER TABLE … ADD COLUMN with their CHECK inline.
const STORE = `CREATE TABLE "Store" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "lat" REAL NOT NULL,
    CONSTRAINT "Store_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Store_coords_check" CHECK ("lat" BETWEEN -90 AND 90 AND "lng" BETWEEN -180 AND 180),
    CONSTRAINT "Store_safety_check" CHECK ("safetyStock" >= 0)
)`;
const HOLD = `CREATE TABLE "StockFeedHold" (
    "status" TEXT NOT NULL DEFAULT 'HELD',
    -- A decided hold names who decided (CHECK below, hand-written), with "quotes" and (parentheses).
    CHECK (("status" = 'HELD' AND "decidedAt" IS NULL) OR ("status" <> 'HELD' AND "decidedAt" IS NOT NULL)),
    CHECK ("note" <> 'CHECK (x), y')
)`;
const BRAND = `CREATE TABLE "Brand" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "updatedAt" DATETIME NOT NULL
, "shipFromDirect" BOOLEAN NOT NULL DEFAULT true, "bindingMode" TEXT NOT NULL DEFAULT 'LAST_TOUCH' CHECK ("bindingMode" IN ('FIRST_TOUCH', 'LAST_TOUCH', 'WINDOW')), "guideRateBps" INTEGER NOT NULL DEFAULT 300 CHECK ("guideRateBps" BETWEEN 0 AND 10000))`;

describe("checksOfTable", () => {
  it("keeps the names written in the migration", () => {
    expect(checksOfTable("Store", STORE)).toEqual([
      { table: "Store", name: "Store_coords_check", expression: `"lat" BETWEEN -90 AND 90 AND "lng" BETWEEN -180 AND 180` },
      { table: "Store", name: "Store_safety_check", expression: `"safetyStock" >= 0` },
    ]);
  });

  it("numbers unnamed table checks and ignores comments and CHECK inside strings", () => {
    expect(checksOfTable("StockFeedHold", HOLD)).toEqual([
      {
        table: "StockFeedHold",
        name: "StockFeedHold_1_check",
        expression: `("status" = 'HELD' AND "decidedAt" IS NULL) OR ("status" <> 'HELD' AND "decidedAt" IS NOT NULL)`,
      },
      { table: "StockFeedHold", name: "StockFeedHold_2_check", expression: `"note" <> 'CHECK (x), y'` },
    ]);
  });

  it("names a column's inline check after the column", () => {
    expect(checksOfTable("Brand", BRAND).map((c) => [c.name, c.expression])).toEqual([
      ["Brand_bindingMode_check", `"bindingMode" IN ('FIRST_TOUCH', 'LAST_TOUCH', 'WINDOW')`],
      ["Brand_guideRateBps_check", `"guideRateBps" BETWEEN 0 AND 10000`],
    ]);
  });
});

describe("translateSql", () => {
  it("turns the digits-only GLOB into a PostgreSQL regex and leaves portable SQL as it is", () => {
    expect(translateSql(`length("gtin") = 13 AND "gtin" NOT GLOB '*[^0-9]*'`)).toBe(`length("gtin") = 13 AND "gtin" !~ '[^0-9]'`);
    const portable = `("staffId" IS NULL) <> ("memberId" IS NULL) AND IFNULL("x", 0) >= 0`;
    expect(translateSql(portable)).toBe(portable);
  });

  it.each([
    `"code" GLOB '[A-Z]*'`,
    `"endsAt" > datetime('now')`,
    `strftime('%Y', "createdAt") > '2020'`,
    `julianday("endsAt") > 0`,
    `changes() = 1`,
    `json_valid("payload")`,
    `"id" <> randomblob(16)`,
  ])("refuses SQLite-only SQL: %s", (sqlite) => {
    expect(() => translateSql(sqlite)).toThrow(/no PostgreSQL translation/);
  });

  it("does not mistake a word inside a string literal for SQLite-only SQL", () => {
    expect(translateSql(`"note" <> 'GLOB datetime('`)).toBe(`"note" <> 'GLOB datetime('`);
  });
});

describe("isPartialIndex", () => {
  it("knows a partial index by its WHERE clause", () => {
    expect(isPartialIndex(`CREATE UNIQUE INDEX "GuideBinding_open_key" ON "GuideBinding"("brandId", "memberId") WHERE "endedAt" IS NULL`)).toBe(true);
    expect(isPartialIndex(`CREATE INDEX "Order_where_idx" ON "Order"("where")`)).toBe(false);
  });
});

describe("pgSchemaFromSource", () => {
  const source = `generator client {
  provider   = "prisma-client"
  output     = "../lib/generated/prisma"
  engineType = "client"
}

datasource db {
  provider = "sqlite"
  url      = env("DATABASE_URL")
}

model Brand {
  id      String @id
  logoUrl String @default("https://example.com/logo.png") // not Json
}
`;

  it("switches the provider and the client's output and marks the file as generated", () => {
    const pg = pgSchemaFromSource(source);
    expect(pg.startsWith(SCHEMA_HEADER)).toBe(true);
    expect(pg).toContain(`provider = "postgresql"`);
    expect(pg).toContain(`provider   = "prisma-client"`);
    expect(pg).toContain(`output     = "../../lib/generated/prisma-pg"`);
    expect(pg).toContain(`url      = env("DATABASE_URL")`);
    expect(pg.slice(SCHEMA_HEADER.length).replace("postgresql", "sqlite").replace("../../lib/generated/prisma-pg", "../lib/generated/prisma")).toBe(source);
  });

  it.each([
    ["a native type", `  name String @db.VarChar(40)`],
    ["an Unsupported type", `  area Unsupported("polygon")`],
    ["a Json field", `  payload Json?`],
    ["a Bytes field", `  photo Bytes`],
  ])("refuses %s", (_, field) => {
    expect(() => pgSchemaFromSource(source.replace("  id      String @id", `  id      String @id\n${field}`))).toThrow(/will not translate:\n {2}line 14/);
  });
});

describe("baseline", () => {
  it("is named one second after the newest mirrored migration, across a day boundary too", () => {
    expect(baselineName("20261207120000_member_search_keys")).toBe("20261207120001_postgres_baseline");
    expect(baselineName("20261231235959_year_end")).toBe("20270101000000_postgres_baseline");
  });

  it("appends the checks sorted by table and name, then the partial indexes", () => {
    const sql = baselineSql(
      "\n-- CreateTable\nCREATE TABLE \"A\" ();\n",
      [
        { table: "Sku", name: "Sku_price_check", expression: "", postgres: `"priceFen" >= 0` },
        { table: "Brand", name: "Brand_x_check", expression: "", postgres: `"x" >= 0` },
      ],
      [{ name: "GuideBinding_open_key", postgres: `CREATE UNIQUE INDEX "GuideBinding_open_key" ON "GuideBinding"("brandId") WHERE "endedAt" IS NULL` }],
    );
    expect(sql.split("\n").filter((line) => line && !line.startsWith("--"))).toEqual([
      `CREATE TABLE "A" ();`,
      `ALTER TABLE "Brand" ADD CONSTRAINT "Brand_x_check" CHECK ("x" >= 0);`,
      `ALTER TABLE "Sku" ADD CONSTRAINT "Sku_price_check" CHECK ("priceFen" >= 0);`,
      `CREATE UNIQUE INDEX "GuideBinding_open_key" ON "GuideBinding"("brandId") WHERE "endedAt" IS NULL;`,
    ]);
  });
});

describe("followUpSql", () => {
  const check = (table: string, name: string, postgres: string) => ({ table, name, expression: postgres, postgres });
  it("drops changed or removed constraints before Prisma's DDL and adds new or changed ones after it", () => {
    const before = { checks: [check("Brand", "Brand_a_check", '"a" > 0'), check("Sku", "Sku_old_check", '"x" > 0')], partialIndexes: [] };
    const after = {
      checks: [check("Brand", "Brand_a_check", '"a" > 1'), check("Brand", "Brand_slogan_check", 'length("slogan") <= 40')],
      partialIndexes: [{ name: "Open_key", table: "Brand", postgres: 'CREATE UNIQUE INDEX "Open_key" ON "Brand"("a") WHERE "b" IS NULL' }],
    };
    const sql = followUpSql('ALTER TABLE "Brand" ADD COLUMN "slogan" TEXT;', before, after).split("\n");
    const ddl = sql.indexOf('ALTER TABLE "Brand" ADD COLUMN "slogan" TEXT;');
    expect(sql.indexOf('ALTER TABLE "Brand" DROP CONSTRAINT IF EXISTS "Brand_a_check";')).toBeLessThan(ddl);
    expect(sql.indexOf('ALTER TABLE "Sku" DROP CONSTRAINT IF EXISTS "Sku_old_check";')).toBeLessThan(ddl);
    expect(sql.indexOf('ALTER TABLE "Brand" ADD CONSTRAINT "Brand_a_check" CHECK ("a" > 1);')).toBeGreaterThan(ddl);
    expect(sql.indexOf('ALTER TABLE "Brand" ADD CONSTRAINT "Brand_slogan_check" CHECK (length("slogan") <= 40);')).toBeGreaterThan(ddl);
    expect(sql.indexOf('CREATE UNIQUE INDEX "Open_key" ON "Brand"("a") WHERE "b" IS NULL;')).toBeGreaterThan(ddl);
  });

  it("leaves unchanged constraints alone", () => {
    const same = { checks: [check("Brand", "Brand_a_check", '"a" > 0')], partialIndexes: [] };
    expect(followUpSql("-- This is an empty migration.", same, same)).toBe("-- This is an empty migration.\n");
  });
});
