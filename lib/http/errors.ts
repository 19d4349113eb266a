import { NextResponse } from "next/server";

// JSON errors for route handlers: a code for programs, a message for people (Chinese first, English after).
export type ApiErrorCode = "bad_request" | "not_found" | "forbidden" | "unavailable" | "internal";

const STATUS: Record<ApiErrorCode, number> = { bad_request: 400, forbidden: 403, not_found: 404, unavailable: 503, internal: 500 };

export function apiError(code: ApiErrorCode, message: string, details?: unknown): NextResponse {
  return NextResponse.json({ error: { code, message, ...(details ? { details } : {}) } }, { status: STATUS[code] });
}

/** Runs a handler; anything thrown becomes a 500 JSON without a stack (logged on the server). */
export async function withErrors(handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    console.error("[api]", error);
    return apiError("internal", "服务暂时不可用，请稍后重试 / Service temporarily unavailable, please retry");
  }
}
