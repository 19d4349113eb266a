// Opening hours are minutes after local midnight in China time (UTC+8, no daylight saving);
// closesAt may pass 1440 for stores open after midnight.
const CHINA_OFFSET_MINUTES = 8 * 60;

export type OpeningHours = { opensAt: number; closesAt: number };

/** Minutes after midnight, China time, of an instant. */
export function chinaMinuteOfDay(at: Date): number {
  const utcMinutes = at.getUTCHours() * 60 + at.getUTCMinutes();
  return (utcMinutes + CHINA_OFFSET_MINUTES) % 1440;
}

export function isOpenAt(hours: OpeningHours, at: Date): boolean {
  const minute = chinaMinuteOfDay(at);
  if (minute >= hours.opensAt && minute < hours.closesAt) return true;
  // After midnight, still inside yesterday's late opening.
  return hours.closesAt > 1440 && minute < hours.closesAt - 1440;
}

export function formatClock(minutes: number): string {
  const m = minutes % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}

/** "10:00–22:00" (次日 for a close after midnight is added by the caller's wording). */
export function formatHours(hours: OpeningHours): string {
  return `${formatClock(hours.opensAt)}–${formatClock(hours.closesAt)}`;
}
