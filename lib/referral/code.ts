import crypto from "node:crypto";

// Pure parts of member referral (no database): the share code's format and the refusal rules, so both are
// unit-tested without SQLite.

/** 8 characters of [a-z0-9]: 36^8 ≈ 2.8 × 10^12 codes, short enough to read aloud, too many to walk. */
export const REFERRAL_CODE = /^[a-z0-9]{8}$/;
const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

/**
 * A fresh code. It always holds a digit so it can never spell a word the shop routes by (e.g. "checkout"
 * under /r/ would otherwise look like a member-only path to the proxy's patterns).
 */
export function generateReferralCode(random: (max: number) => number = crypto.randomInt): string {
  for (;;) {
    let code = "";
    for (let i = 0; i < 8; i++) code += ALPHABET[random(ALPHABET.length)];
    if (/\d/.test(code)) return code;
  }
}

export function isReferralCode(value: unknown): value is string {
  return typeof value === "string" && REFERRAL_CODE.test(value);
}

/** Levels we store (Chinese rules allow at most 3; the brand pays 2, so we never record a third). */
export const REFERRAL_LEVELS = 2;

export type ReferralRefusal = "self" | "cycle";

/**
 * Why a new member may not be placed under a code's owner, or null when they may.
 * `ownerChain` is the owner's referrers upward (level 1 first), as far as they were read.
 * Within one brand a member who has just joined cannot be anyone's ancestor, but data imported from
 * elsewhere or a rejoin could make it so: a cycle would make commission walk in circles, so it is refused.
 */
export function referralRefusal(newMemberId: string, ownerId: string, ownerChain: readonly string[]): ReferralRefusal | null {
  if (newMemberId === ownerId) return "self";
  if (ownerChain.includes(newMemberId)) return "cycle";
  return null;
}
