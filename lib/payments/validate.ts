import { PaymentProviderError, type PrepayInput, type RefundInput } from "./types";

// Input checks shared by both providers, so the sandbox refuses exactly what WeChat Pay would:
// a checkout that works against the sandbox must not start failing on the first real payment.

// WeChat Pay: out_trade_no / out_refund_no are 6–32 characters of digits, letters, _ - | *.
const MERCHANT_NO = /^[0-9A-Za-z_\-|*]{6,32}$/;

function invalid(zh: string, en: string): never {
  throw new PaymentProviderError("invalid_input", `${zh} / ${en}`);
}

function assertFen(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value <= 0) invalid(`${name} 必须是正整数（分）`, `${name} must be a positive integer number of fen, got ${value}`);
}

function assertMerchantNo(name: string, value: string): void {
  if (typeof value !== "string" || !MERCHANT_NO.test(value)) invalid(`${name} 必须是 6–32 位字母、数字或 _-|*`, `${name} must be 6–32 characters of letters, digits or _-|*`);
}

export function assertPrepayInput(input: PrepayInput): void {
  assertMerchantNo("outTradeNo", input.outTradeNo);
  assertFen("amountFen", input.amountFen);
  // WeChat Pay caps description at 127 characters.
  if (!input.description || input.description.length > 127) invalid("商品描述须为 1–127 个字符", "description must be 1–127 characters");
  if (!(input.expiresAt instanceof Date) || Number.isNaN(input.expiresAt.getTime())) invalid("expiresAt 不是有效时间", "expiresAt must be a valid Date");
}

export function assertOutRefundNo(outRefundNo: string): void {
  assertMerchantNo("outRefundNo", outRefundNo);
}

export function assertRefundInput(input: RefundInput): void {
  assertMerchantNo("outTradeNo", input.outTradeNo);
  assertMerchantNo("outRefundNo", input.outRefundNo);
  assertFen("refundFen", input.refundFen);
  assertFen("totalFen", input.totalFen);
  if (input.refundFen > input.totalFen) invalid("退款金额不能超过订单金额", "refundFen must not exceed totalFen");
  // WeChat Pay caps the refund reason at 80 characters.
  if (input.reason.length > 80) invalid("退款原因不能超过 80 个字符", "reason must be at most 80 characters");
}
