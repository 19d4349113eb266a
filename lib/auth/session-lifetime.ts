// How long a sign-in lasts. Staff: 12 h absolute and 30 min idle (OWASP ASVS L2, V3.3; the proxy slides the
// idle window). Shoppers: 30 days, no separate idle limit — they come back from a WeChat link days later on
// their own phone, catalog pages never touch the session (so nothing could slide it), and a shopper session
// reaches only their own favourites and orders (decision 009).
export const LIFETIME = {
  staff: { absoluteSeconds: 12 * 3600, idleSeconds: 30 * 60 },
  member: { absoluteSeconds: 30 * 24 * 3600, idleSeconds: 30 * 24 * 3600 },
} as const;

export type SessionClock = { kind: "staff" | "member"; signedInAt: number; lastSeenAt: number };

/** Seconds since the epoch. */
export const nowSeconds = (now: Date = new Date()) => Math.floor(now.getTime() / 1000);

export function isSessionExpired(s: SessionClock, now: number): boolean {
  const limit = LIFETIME[s.kind];
  return now - s.signedInAt >= limit.absoluteSeconds || now - s.lastSeenAt >= limit.idleSeconds;
}
