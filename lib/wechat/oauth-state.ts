import "server-only";
import crypto from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { sign } from "@/lib/security/app-secret";

// The OAuth `state` (CSRF protection for the WeChat redirect): single use, bound to the browser
// session that started the sign-in, valid 10 minutes.
//
// Stateless, plus one row per *used* state (docs/decisions/007-wechat-oauth.md):
//   state = <nonce: 64 hex = 32 random bytes><expiry: 10 digits, unix seconds><mac: 32 hex>
//   mac   = first 128 bits of HMAC-SHA256(app secret, "wechat-oauth-state|<binding>|<nonce>|<expiry>")
// Nothing is written when a state is created, so a crawler hitting the sign-in link costs no storage.
// Consuming it checks the mac (right binding, not forged), the expiry, then inserts the key
// `oauth-state:<nonce>` into RateLimitBucket (the schema's DB-backed key table; we don't add a table
// for this): the key is the primary key, so a second insert fails with Prisma's P2002 and the state is
// refused as replayed. The row's expiresAt is the state's own expiry: once a sweep deletes expired
// buckets the state is already refused by its expiry, so the sweep never reopens a replay.
//
// Why not the `.`-separated base64url form: WeChat documents state as a-zA-Z0-9, at most 128 bytes,
// so every field is hex or digits with a fixed width (106 characters in all).

export const OAUTH_STATE_TTL_MS = 10 * 60 * 1000;
const KEY_PREFIX = "oauth-state:";
const STATE_PATTERN = /^([0-9a-f]{64})(\d{10})([0-9a-f]{32})$/;

function mac(bindingId: string, nonce: string, expiry: string): string {
  const full = sign(`wechat-oauth-state|${bindingId}|${nonce}|${expiry}`);
  return Buffer.from(full, "base64url").subarray(0, 16).toString("hex");
}

function assertBinding(bindingId: string): void {
  if (typeof bindingId !== "string" || bindingId.length === 0 || bindingId.includes("|")) {
    throw new TypeError("bindingId must be a non-empty string without '|' (the browser session's id)");
  }
}

/**
 * A fresh state for one sign-in attempt of the browser session `bindingId` (e.g. the id in its
 * session cookie). Nothing is stored until it is consumed.
 */
export function createOAuthState(bindingId: string, now: Date = new Date()): string {
  assertBinding(bindingId);
  const nonce = crypto.randomBytes(32).toString("hex");
  const expiry = String(Math.floor((now.getTime() + OAUTH_STATE_TTL_MS) / 1000)).padStart(10, "0");
  return `${nonce}${expiry}${mac(bindingId, nonce, expiry)}`;
}

/**
 * True exactly once for a state this app issued to this same binding within the last 10 minutes;
 * false for anything unknown, forged, expired, replayed or issued to another browser session.
 */
export async function consumeOAuthState(state: string, bindingId: string, now: Date = new Date()): Promise<boolean> {
  assertBinding(bindingId);
  const match = typeof state === "string" ? STATE_PATTERN.exec(state) : null;
  if (!match) return false;
  const [, nonce, expiry, given] = match as unknown as [string, string, string, string];
  const expected = mac(bindingId, nonce, expiry);
  if (!crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(given))) return false;
  const expiresAt = new Date(Number(expiry) * 1000);
  if (expiresAt.getTime() <= now.getTime()) return false;
  try {
    await db.rateLimitBucket.create({ data: { key: `${KEY_PREFIX}${nonce}`, windowStart: now, count: 1, expiresAt } });
    return true;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return false; // replayed
    throw error;
  }
}
