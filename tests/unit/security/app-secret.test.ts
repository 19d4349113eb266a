import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { expectConsoleError } from "@/tests/setup/console-error";

// The key that signs sessions, pickup codes and OTP hashes (decision 032). On PostgreSQL several instances share
// the database, so they must share the key: APP_SECRET is required there and the start-up hook refuses to start
// without it. On SQLite (one machine) an unset APP_SECRET still falls back to a random key in a file.

const PG = "postgresql://mc@127.0.0.1:5432/app";
const GOOD = "a-secret-of-at-least-32-characters-0123";

/** A fresh module (appSecret() remembers its key per process) with this environment. */
async function load(env: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  return import("@/lib/security/app-secret");
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe("APP_SECRET on PostgreSQL", () => {
  it("is required: no key file fallback, a bilingual message naming the rule", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "app-secret-"));
    try {
      const file = path.join(dir, ".app-secret");
      const m = await load({ DATABASE_URL: PG, APP_SECRET: undefined, APP_SECRET_FILE: file });
      expect(m.appSecretProblem()).toBe(m.appSecretMessages.requiredOnPostgres);
      expect(m.appSecretMessages.requiredOnPostgres).toMatch(/^使用 PostgreSQL 时必须设置 APP_SECRET：至少 32 个字符，所有实例相同 \/ APP_SECRET must be set \(at least 32 characters, the same on every instance\)/);
      expect(() => m.appSecret()).toThrow(m.appSecretMessages.requiredOnPostgres);
      expect(fs.existsSync(file)).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses one shorter than 32 characters and takes one of 32 or more", async () => {
    let m = await load({ DATABASE_URL: PG, APP_SECRET: "x".repeat(31) });
    expect(m.appSecretProblem()).toBe("APP_SECRET 至少需要 32 个字符 / APP_SECRET must be at least 32 characters");
    expect(() => m.appSecret()).toThrow(/APP_SECRET must be at least 32 characters/);
    m = await load({ DATABASE_URL: PG, APP_SECRET: GOOD });
    expect(m.appSecretProblem()).toBeNull();
    expect(m.appSecret()).toBe(GOOD);
  });

  it("the start-up hook refuses to start without it, with the message in the log", async () => {
    const exit = vi.spyOn(process, "exit").mockImplementation(((code?: number) => {
      throw new Error(`exit ${code}`);
    }) as typeof process.exit);
    const logged = expectConsoleError();
    vi.resetModules();
    vi.stubEnv("NEXT_RUNTIME", "nodejs");
    vi.stubEnv("DATABASE_URL", PG);
    vi.stubEnv("APP_SECRET", "");
    vi.stubEnv("MEDIA_STORAGE", "");
    const { register } = await import("@/instrumentation");
    await expect(register()).rejects.toThrow("exit 1");
    expect(exit).toHaveBeenCalledWith(1);
    expect(logged).toHaveBeenCalledWith(expect.stringMatching(/^\[startup\] 使用 PostgreSQL 时必须设置 APP_SECRET.*APP_SECRET must be set/));
  });
});

describe("APP_SECRET on SQLite", () => {
  it("falls back to a random key kept in a file, the same on every call and after a restart", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "app-secret-"));
    try {
      const file = path.join(dir, "data", ".app-secret");
      let m = await load({ DATABASE_URL: "file:./data/app.db", APP_SECRET: undefined, APP_SECRET_FILE: file });
      expect(m.appSecretProblem()).toBeNull();
      const key = m.appSecret();
      expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(fs.readFileSync(file, "utf8")).toBe(key);
      expect((fs.statSync(file).mode & 0o777).toString(8)).toBe("600");
      m = await load({ DATABASE_URL: undefined, APP_SECRET: undefined, APP_SECRET_FILE: file });
      expect(m.appSecret()).toBe(key);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("still refuses a short APP_SECRET", async () => {
    const m = await load({ DATABASE_URL: "file:./data/app.db", APP_SECRET: "short" });
    expect(() => m.appSecret()).toThrow(/至少需要 32 个字符 \/ APP_SECRET must be at least 32 characters/);
  });
});
