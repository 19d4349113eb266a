import { z } from "zod";
import { sign, verify } from "@/lib/security/app-secret";
import { REFERRAL_CODE } from "./code";

// The referral cookie (mc_ref): /r/<code> sets it, member sign-in reads it. Signed so nobody can plant a
// referrer the server would trust; the payload names the brand so a link of one brand never parents a
// member joining another.

export const REFERRAL_COOKIE = "mc_ref";
/** A shopper who opens a friend's link usually signs up the same week; a month is generous. */
export const REFERRAL_COOKIE_MAX_AGE_SECONDS = 30 * 24 * 3600;

const payloadSchema = z.object({
  brand: z.string().regex(/^[a-z0-9-]{1,32}$/),
  code: z.string().regex(REFERRAL_CODE),
  at: z.number().int().nonnegative(), // unix seconds
});
export type ReferralCookie = z.infer<typeof payloadSchema>;

export function encodeReferralCookie(value: ReferralCookie): string {
  const payload = Buffer.from(JSON.stringify(payloadSchema.parse(value))).toString("base64url");
  return `${payload}.${sign(`ref|${payload}`)}`;
}

/** A tampered, malformed, stale or absent cookie reads as null. */
export function decodeReferralCookie(cookie: string | undefined, now: Date = new Date()): ReferralCookie | null {
  if (!cookie || cookie.length > 512) return null;
  const [payload, signature, extra] = cookie.split(".");
  if (!payload || !signature || extra !== undefined || !verify(`ref|${payload}`, signature)) return null;
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")));
    if (!parsed.success) return null;
    const age = Math.floor(now.getTime() / 1000) - parsed.data.at;
    return age >= -60 && age <= REFERRAL_COOKIE_MAX_AGE_SECONDS ? parsed.data : null;
  } catch {
    return null;
  }
}
