import { z } from "zod";

// One GET to a WeChat API host, shared by web OAuth (oauth.ts) and the JS-SDK credentials (access-token.ts).
// WeChat answers errors as HTTP 200 with a non-zero errcode, and JSON as text/plain, hence text then
// JSON.parse. The URL (it may hold the secret or a token) never leaves this function: errors carry a reason.

export type WechatFailureKind = "unreachable" | "error" | "errcode";
export type WechatFailureDetail = { reason?: string; errcode?: number; errmsg?: string };

const errorSchema = z.object({ errcode: z.number().int(), errmsg: z.string().optional() });

/** The parsed JSON body, or the error `toError` makes of the failure (each caller has its own error class). */
export async function wechatGetJson(url: string, timeoutMs: number, toError: (kind: WechatFailureKind, detail: WechatFailureDetail) => Error): Promise<unknown> {
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: "error", cache: "no-store" });
    text = await response.text();
  } catch (error) {
    throw toError("unreachable", { reason: error instanceof Error && error.name === "TimeoutError" ? "timeout" : networkReason(error) });
  }
  if (response.status >= 500) throw toError("unreachable", { reason: `HTTP ${response.status}` });
  if (!response.ok) throw toError("error", { reason: `HTTP ${response.status}` });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw toError("error", { reason: "response is not JSON" });
  }
  const error = errorSchema.safeParse(body);
  if (error.success && error.data.errcode !== 0) {
    const { errcode, errmsg } = error.data;
    throw toError("errcode", { errcode, ...(errmsg ? { errmsg } : {}) });
  }
  return body;
}

/** "ECONNREFUSED", "ENOTFOUND"…: the system error code under fetch's TypeError, not its message (which may quote the URL). */
function networkReason(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  return typeof cause?.code === "string" ? cause.code : error instanceof Error ? error.name : "network error";
}
