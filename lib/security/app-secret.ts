import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

let cached: string | undefined;

/**
 * The key that signs cookies. APP_SECRET in production deployments; a single-machine install without one
 * gets a random key kept beside its database (data/.app-secret), so signed cookies survive restarts.
 */
export function appSecret(): string {
  if (cached) return cached;
  const fromEnv = process.env.APP_SECRET;
  if (fromEnv && fromEnv.length >= 32) return (cached = fromEnv);
  if (fromEnv) throw new Error("APP_SECRET must be at least 32 characters");
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
