import crypto from "node:crypto";

// Order numbers people read out at a counter: the order's Shanghai date (yymmdd) and 7 random digits.
// Random rather than a sequence so that no counter row serialises every order; a clash (1 in 10^7 per
// day and order) fails the unique index and placement retries with a new number.
export function newOrderNumber(now: Date): string {
  const shanghai = new Date(now.getTime() + 8 * 3600_000).toISOString(); // China has no DST
  const date = shanghai.slice(2, 4) + shanghai.slice(5, 7) + shanghai.slice(8, 10);
  return date + crypto.randomInt(0, 10_000_000).toString().padStart(7, "0");
}

export const orderNumberPattern = /^\d{13}$/;
