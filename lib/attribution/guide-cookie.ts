import { z } from "zod";
import { sign, verify } from "@/lib/security/app-secret";

// A guide's code opened by a shopper who is not signed in: the touch waits in a signed cookie and binds at
// sign-in (ordering needs a member, so every credited order passes there). Signed so nobody can plant a
// guide of their choosing; one touch (the latest) is kept, and it is worth 30 days.

export const GUIDE_TOUCH_COOKIE = "mc_guide";
export const GUIDE_TOUCH_MAX_AGE_SECONDS = 30 * 24 * 3600;

const touch = z.object({
  b: z.string().regex(/^[a-z0-9-]{1,32}$/), // brand slug
  g: z.string().min(1).max(40), // the guide's Staff id
  s: z.enum(["QR", "SHARE_LINK"]),
  t: z.number().int().positive(), // unix seconds of the touch
});
export type GuideTouchCookie = z.infer<typeof touch>;

export function encodeGuideTouch(value: GuideTouchCookie): string {
  const payload = Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${payload}.${sign(payload)}`;
}

/** A tampered, malformed, stale or absent cookie reads as no touch. */
export function decodeGuideTouch(cookie: string | undefined, now = new Date()): GuideTouchCookie | null {
  if (!cookie) return null;
  const [payload, signature] = cookie.split(".");
  if (!payload || !signature || !verify(payload, signature)) return null;
  try {
    const parsed = touch.safeParse(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")));
    if (!parsed.success) return null;
    return now.getTime() / 1000 - parsed.data.t <= GUIDE_TOUCH_MAX_AGE_SECONDS ? parsed.data : null;
  } catch {
    return null;
  }
}
