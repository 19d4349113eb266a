/** ¥ amount for display from integer fen: 29900 → "¥299", 29950 → "¥299.50". Formatting happens only at the edge. */
export function formatYuan(fen: number): string {
  const yuan = fen / 100;
  return `¥${Number.isInteger(yuan) ? yuan.toString() : yuan.toFixed(2)}`;
}
