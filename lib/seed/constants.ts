// Fixed inputs of the demo seed: one faker seed and one reference date, so every run writes the same rows.

export const SEED = 20261123;
/** "Now" for the demo data: launches, joins and every createdAt/updatedAt are placed relative to it. */
export const REFERENCE_DATE = new Date("2026-11-01T00:00:00Z");
export const SEED_ACTOR = "system:seed";
export const DAY_MS = 86_400_000;

/** A date `days` (may be fractional) before the reference date, rounded to the minute. */
export function daysBefore(days: number): Date {
  const ms = REFERENCE_DATE.getTime() - days * DAY_MS;
  return new Date(Math.round(ms / 60_000) * 60_000);
}
