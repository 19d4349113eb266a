import type { ErpErrorCode, ErrorBody } from "./schemas";

export type ErpIssue = { path: string; message: string; key?: string; applied?: { storeCode: string; gtin: string; delta: number; appliedAt: string } };

/** A refusal the API answers as JSON: status, code for programs, "中文 / English" message, field paths. */
export class ErpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErpErrorCode,
    message: string,
    readonly issues?: ErpIssue[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

const BEARER = { "WWW-Authenticate": 'Bearer realm="api/v1"' };

export const refusals = {
  noKey: () => new ErpError(401, "unauthorized", "缺少或无效的 API 密钥 / Missing or invalid API key (Authorization: Bearer mck_…)", undefined, BEARER),
  revoked: () => new ErpError(401, "unauthorized", "API 密钥已吊销 / This API key has been revoked", undefined, BEARER),
  rateLimited: (seconds: number) =>
    new ErpError(429, "rate_limited", `请求过于频繁，请 ${seconds} 秒后重试 / Too many requests: retry in ${seconds} s`, undefined, { "Retry-After": String(seconds) }),
  tooLarge: () => new ErpError(413, "body_too_large", "请求体过大 / Request body too large (max 2 MB)"),
  badJson: () => new ErpError(400, "invalid_body", "请求体不是有效的 JSON / The body is not valid JSON", [{ path: "", message: "invalid JSON" }]),
  badIdempotencyKey: () => new ErpError(400, "invalid_idempotency_key", "Idempotency-Key 须为 1–100 个可见 ASCII 字符 / Idempotency-Key must be 1–100 visible ASCII characters"),
  idempotencyConflict: (issues?: ErpIssue[]) =>
    new ErpError(409, "idempotency_conflict", "同一幂等键已用于不同的请求内容 / This idempotency key was already used with a different body", issues),
  conflict: () => new ErpError(409, "conflict", "数据已被同时修改，请重试 / The data changed meanwhile: please send again"),
  rows: (issues: ErpIssue[]) => new ErpError(422, "unprocessable_rows", `${issues.length} 处数据无法处理，未做任何修改 / ${issues.length} problem(s) in the rows: nothing was changed`, issues),
  internal: () => new ErpError(500, "internal", "服务器内部错误，请稍后重试 / Internal error: please retry later"),
};

export function errorJson(e: ErpError, requestId: string): ErrorBody {
  return { error: { code: e.code, message: e.message, requestId, ...(e.issues ? { issues: e.issues } : {}) } };
}
