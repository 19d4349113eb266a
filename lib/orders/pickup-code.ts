import crypto from "node:crypto";
import { appSecret } from "@/lib/security/app-secret";

// The pickup code (取货码): 8 Crockford base-32 characters (40 bits) = an HMAC of the order id under the app
// secret. Unguessable, never stored (the database keeps only its sha256, for lookup), re-derived to show
// the shopper. The QR carries "MCPU:" + the code; staff may also type it (case, spaces, dashes, O/0 and
// I/L/1 confusions forgiven). Redeeming is rate limited per staff member, so 2^40 cannot be walked.

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const PICKUP_QR_PREFIX = "MCPU:";

export function pickupCodeFor(orderId: string, secret = appSecret()): string {
  const mac = crypto.createHmac("sha256", secret).update(`pickup:${orderId}`).digest();
  let bits = 0n;
  for (const byte of mac.subarray(0, 5)) bits = (bits << 8n) | BigInt(byte);
  let out = "";
  for (let i = 0; i < 8; i++) out = ALPHABET[Number(bits & 31n)] + out, (bits >>= 5n);
  return out;
}

export function pickupCodeHash(code: string): string {
  return crypto.createHash("sha256").update(`pickup:${code}`).digest("hex");
}

/** "ABCD-EFGH" for reading aloud and typing. */
export function formatPickupCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** A scanned QR payload or a typed code → the canonical code, or null when it cannot be one. */
export function normalisePickupCode(input: string): string | null {
  let text = input.trim().toUpperCase();
  if (text.startsWith(PICKUP_QR_PREFIX)) text = text.slice(PICKUP_QR_PREFIX.length);
  text = text.replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  return /^[0-9A-HJKMNP-TV-Z]{8}$/.test(text) ? text : null;
}
