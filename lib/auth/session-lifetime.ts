// How long a sign-in lasts. Staff: 12 h absolute and 30 min idle (OWASP ASVS L2, V3.3). Shoppers: 30 days
// absolute and 7 days idle — they come back from a WeChat link days later on their own phone, and a shopper
// session can at most see their own favourites and orders (README "Sessions").
export const LIFETIME = {
  staff: { absoluteSeconds: 12 * 3600, idleSeconds: 30 * 60 },
  member: { absoluteSeconds: 30 * 24 * 3600, idleSeconds: 7 * 24 * 3600 },
} as const;

export type SessionClock = { kind: "staff" | "member"; signedInAt: number; lastSeenAt: number };

/** Seconds since the epoch. */
export const nowSeconds = (now: Date = new Date()) => Math.floor(now.getTime() / 1000);

export function isSessionExpired(s: SessionClock, now: number): boolean {
  const limit = LIFETIME[s.kind];
  return now - s.signedInAt >= limit.absoluteSeconds || now - s.lastSeenAt >= limit.idleSeconds;
}
