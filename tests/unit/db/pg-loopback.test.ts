import { afterEach, describe, expect, it } from "vitest";
import { pgAdminUrl } from "../../setup/pg-databases";

// The PostgreSQL test run creates and drops databases: it must refuse any server but this machine's, by the host
// pg would really connect to.
const saved = { url: process.env.PG_ADMIN_URL, host: process.env.PGHOST };
afterEach(() => {
  process.env.PG_ADMIN_URL = saved.url;
  if (saved.host === undefined) delete process.env.PGHOST;
  else process.env.PGHOST = saved.host;
});

describe("pgAdminUrl", () => {
  it("accepts loopback and a socket folder", () => {
    for (const url of ["postgresql://mc@127.0.0.1:5432/postgres", "postgresql://mc@localhost/postgres", "postgresql://mc@[::1]:5432/postgres", "postgresql://mc@/postgres?host=/tmp/mc-pg.x"]) {
      process.env.PG_ADMIN_URL = url;
      expect(pgAdminUrl()).toBe(url);
    }
  });

  it("refuses another host, also when hidden in ?host= or PGHOST", () => {
    process.env.PG_ADMIN_URL = "postgresql://mc@db.example.com/postgres";
    expect(() => pgAdminUrl()).toThrow(/loopback/);
    process.env.PG_ADMIN_URL = "postgresql://mc@127.0.0.1:5432/postgres?host=db.example.com";
    expect(() => pgAdminUrl()).toThrow(/not db\.example\.com/);
    process.env.PG_ADMIN_URL = "postgresql://mc@/postgres";
    process.env.PGHOST = "db.example.com";
    expect(() => pgAdminUrl()).toThrow(/not db\.example\.com/);
  });
});
