import { Refusal } from "@/lib/refusal";
// EAN-13 (GTIN-13): 12 data digits and a check digit, weights 1,3,1,3… from the left.

export function gtinCheckDigit(first12: string): number {
  if (!/^\d{12}$/.test(first12)) throw new Error("GTIN body must be 12 digits");
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

export function isValidGtin13(value: string): boolean {
  return /^\d{13}$/.test(value) && gtinCheckDigit(value.slice(0, 12)) === Number(value[12]);
}

/** Appends the check digit to a 12-digit body. */
export function makeGtin13(first12: string): string {
  return first12 + String(gtinCheckDigit(first12));
}

export class InvalidGtinError extends Refusal {
  readonly code = "invalid_gtin";
  constructor(readonly gtin: string) {
    super(`GTIN 校验位错误 / invalid EAN-13 check digit: ${gtin}`);
  }
}

/** Every write path calls this before storing a SKU's GTIN. */
export function assertValidGtin13(value: string): string {
  if (!isValidGtin13(value)) throw new InvalidGtinError(value);
  return value;
}
