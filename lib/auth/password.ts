import crypto from "node:crypto";
import { promisify } from "node:util";
import { Refusal } from "@/lib/refusal";

// Staff passwords: scrypt from node:crypto (memory-hard, no native dependency). Stored as
// "scrypt$N$r$p$salt$hash" so the cost can be raised later without breaking stored hashes.
const scrypt = promisify(crypto.scrypt) as (password: string, salt: Buffer, keylen: number, options: crypto.ScryptOptions) => Promise<Buffer>;

const COST = { N: 32768, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const MAX_MEMORY = 64 * 1024 * 1024;

export const MIN_PASSWORD_LENGTH = 10;

export class WeakPasswordError extends Refusal {
  readonly code = "weak_password";
  constructor() {
    super(`密码至少 ${MIN_PASSWORD_LENGTH} 位，且不能全是同一类字符 / Use at least ${MIN_PASSWORD_LENGTH} characters, not all of one kind`);
  }
}

/** A password staff may set: long enough and not a single character class ("1234567890", "aaaaaaaaaa"). */
export function assertAcceptablePassword(password: string): void {
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (password.length < MIN_PASSWORD_LENGTH || password.length > 200 || classes < 2 || new Set(password).size < 4) {
    throw new WeakPasswordError();
  }
}

/** `salt` is only for deterministic demo data; real passwords always get a random one. */
export async function hashPassword(password: string, salt: Buffer = crypto.randomBytes(16)): Promise<string> {
  const hash = await scrypt(password, salt, KEY_LENGTH, { ...COST, maxmem: MAX_MEMORY });
  return ["scrypt", COST.N, COST.r, COST.p, salt.toString("base64url"), hash.toString("base64url")].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64url");
  const actual = await scrypt(password, Buffer.from(salt, "base64url"), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: MAX_MEMORY,
  });
  return actual.length === expected.length && crypto.timingSafeEqual(actual, expected);
}

/** A hash to verify against when the account does not exist, so timing does not reveal unknown usernames. */
let decoy: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoy ??= hashPassword(crypto.randomBytes(12).toString("base64url"));
  return decoy;
}
