// What every store-counter server action answers. A refusal carries the message to show as it is
// (Chinese first, English after); `code` and `orderId` let a screen offer the next step (e.g. enter the
// mall receipt when the code is still awaiting the cashier).
export type StoreActionResult<T extends object = object> =
  | ({ ok: true } & T)
  | { ok: false; message: string; code?: string; orderId?: string };

/** "{amount} refunded" → "¥12 refunded": client islands get raw messages, so placeholders are filled here. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
