import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { DEFAULT_DATABASE_URL, dialectOf } from "@/lib/db/dialect";

let cached: string | undefined;

export const appSecretMessages = {
  tooShort: "APP_SECRET 至少需要 32 个字符 / APP_SECRET must be at least 32 characters",
  // Each instance would otherwise sign with its own data/.app-secret: sessions, pickup codes and OTP hashes made by
  // one would be refused by the others.
  requiredOnPostgres:
    "使用 PostgreSQL 时必须设置 APP_SECRET：至少 32 个字符，所有实例相同 / APP_SECRET must be set (at least 32 characters, the same on every instance) when the database is PostgreSQL",
} as const;

/**
 * What is wrong with this deployment's APP_SECRET, or null. On PostgreSQL (where several instances may share the
 * database) it is required; on SQLite (one machine) an unset one falls back to the key file.
 */
export function appSecretProblem(env: Record<string, string | undefined> = process.env): string | null {
  const fromEnv = env.APP_SECRET;
  if (fromEnv) return fromEnv.length >= 32 ? null : appSecretMessages.tooShort;
  return dialectOf(env.DATABASE_URL || DEFAULT_DATABASE_URL) === "postgresql" ? appSecretMessages.requiredOnPostgres : null;
}

/**
 * The key that signs cookies. APP_SECRET in production deployments (required on PostgreSQL); a single-machine
 * SQLite install without one gets a random key kept beside its database (data/.app-secret), so signed cookies
 * survive restarts.
 */
export function appSecret(): string {
  if (cached) return cached;
  const problem = appSecretProblem();
  if (problem) throw new Error(problem);
  const fromEnv = process.env.APP_SECRET;
  if (fromEnv) return (cached = fromEnv);
  const file = path.resolve(/*turbopackIgnore: true*/ process.env.APP_SECRET_FILE ?? "data/.app-secret");
  try {
    cached = fs.readFileSync(/*turbopackIgnore: true*/ file, "utf8").trim();
  } catch {
    fs.mkdirSync(/*turbopackIgnore: true*/ path.dirname(file), { recursive: true });
    const generated = crypto.randomBytes(32).toString("base64url");
    try {
      fs.writeFileSync(/*turbopackIgnore: true*/ file, generated, { flag: "wx", mode: 0o600 });
      cached = generated;
    } catch {
      cached = fs.readFileSync(/*turbopackIgnore: true*/ file, "utf8").trim(); // another process wrote it first
    }
  }
  return cached;
}

export function sign(payload: string, secret = appSecret()): string {
  return crypto.createHmac("sha256", secret).update(payload).digest("base64url");
}

export function verify(payload: string, signature: string, secret = appSecret()): boolean {
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(signature);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}
