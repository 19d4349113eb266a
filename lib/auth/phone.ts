// Mainland China mobile numbers, pure (no database): usable by forms, server actions and lib/auth/otp.ts.

/** 11 digits starting 1[3-9], from "138 0013 8000", "+86 13800138000", "8613800138000", "0086-138…", full-width digits; else null. */
export function normalizeChinaMobile(input: string): string | null {
  if (typeof input !== "string" || input.length > 40) return null;
  let digits = input.normalize("NFKC").trim().replace(/[\s\-().]/g, "");
  if (digits.startsWith("+86")) digits = digits.slice(3);
  else if (digits.startsWith("0086")) digits = digits.slice(4);
  else if (digits.length === 13 && digits.startsWith("86")) digits = digits.slice(2);
  return /^1[3-9]\d{9}$/.test(digits) ? digits : null;
}

/** "138****8000": for logs and audit rows. */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : "***";
}
