/**
 * ¥ amount for display from integer fen: 29900 → "¥299", 29950 → "¥299.50", -550 → "-¥5.50" (a reversal, a
 * balance carried forward). Formatting happens only at the edge.
 */
export function formatYuan(fen: number): string {
  if (fen < 0) return `-${formatYuan(-fen)}`;
  const yuan = fen / 100;
  return `¥${Number.isInteger(yuan) ? yuan.toString() : yuan.toFixed(2)}`;
}
