import { NextResponse } from "next/server";

// JSON errors for route handlers: a code for programs, a message for people (Chinese first, English after).
export type ApiErrorCode = "bad_request" | "not_found" | "forbidden" | "unavailable" | "internal";

const STATUS: Record<ApiErrorCode, number> = { bad_request: 400, forbidden: 403, not_found: 404, unavailable: 503, internal: 500 };

/** Seconds a client waits before trying again after a 503 for a busy database. */
export const BUSY_RETRY_AFTER_SECONDS = 2;

export function apiError(code: ApiErrorCode, message: string, details?: unknown, headers?: HeadersInit): NextResponse {
  return NextResponse.json({ error: { code, message, ...(details ? { details } : {}) } }, { status: STATUS[code], headers });
}

/**
 * The database could not take the statement in time, and its transaction rolled back: SQLite's write lock was
 * still held after the busy timeout (lib/db.ts); on PostgreSQL a lock wait ran past lock_timeout (55P03), the pool
 * had no free connection in time, the server refused more connections (53300) or is shutting down (57P01), or a
 * deadlock / serialization failure (40P01, 40001) was chosen to give way. Found through Prisma's wrapping (P2010
 * raw query, driverAdapterError.cause.originalCode) or on a raw driver error (code).
 */
const PG_BUSY_CODES = new Set(["55P03", "53300", "57P01", "40P01", "40001"]);

export function isDatabaseBusy(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 4) return false;
  const e = error as { code?: unknown; originalCode?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
  for (const code of [e.code, e.originalCode]) {
    if (typeof code === "string" && (/^SQLITE_(BUSY|LOCKED)/.test(code) || PG_BUSY_CODES.has(code))) return true;
  }
  if (typeof e.message === "string" && /SQLITE_BUSY|database is locked|timeout exceeded when trying to connect|canceling statement due to lock timeout/.test(e.message)) return true;
  return isDatabaseBusy(e.cause, depth + 1) || isDatabaseBusy(e.meta?.driverAdapterError, depth + 1);
}

/**
 * Runs a handler; anything thrown becomes a 500 JSON without a stack (logged on the server). A database still
 * locked after the busy timeout is a 503 with Retry-After instead: nothing was written, trying again is right.
 */
export async function withErrors(handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    console.error("[api]", error);
    if (isDatabaseBusy(error)) {
      return apiError("unavailable", "系统繁忙，请稍后重试 / The system is busy, please try again shortly", undefined, { "Retry-After": String(BUSY_RETRY_AFTER_SECONDS) });
    }
    return apiError("internal", "服务暂时不可用，请稍后重试 / Service temporarily unavailable, please retry");
  }
}
