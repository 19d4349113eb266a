import { formatYuan } from "@/lib/money";

/** formatYuan for figures that may be below zero: "-¥5.50", not "¥-5.5" (a carried-forward balance, a reversal). */
export function formatSignedYuan(fen: number): string {
  return fen < 0 ? `-${formatYuan(-fen)}` : formatYuan(fen);
}
