import crypto from "node:crypto";
import type { z } from "zod";
import { ErpError, errorJson, refusals, type ErpIssue } from "./errors";
import { authenticateApiKey, type ApiKeyPrincipal } from "./keys";
import { hashOf, type ErpAnswer } from "./receipts";
import { idempotencyHeader } from "./schemas";

// The frame of every /api/v1 route handler: request id, API key (401/429), body or query parsed with the
// operation's zod schema (400 with field paths), one lib/erp call, JSON out. Refusals are JSON
// { error: { code, message, requestId, issues? } }; anything unexpected is logged and answered 500 with the
// request id, never a stack trace.

const MAX_BODY_BYTES = 2 * 1024 * 1024;

export type ErpContext<B, Q> = { key: ApiKeyPrincipal; body: B; query: Q; idempotencyKey?: string; requestHash: string; requestId: string };

const zodIssues = (error: z.ZodError): ErpIssue[] => error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));

function json(body: unknown, status: number, requestId: string, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { "X-Request-Id": requestId, "Cache-Control": "no-store", ...headers } });
}

export function erpHandler<B = undefined, Q = undefined>(
  spec: { body?: z.ZodType<B>; query?: z.ZodType<Q> },
  run: (c: ErpContext<B, Q>) => Promise<ErpAnswer>,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const requestId = crypto.randomUUID();
    try {
      const key = await authenticateApiKey(request.headers.get("authorization"));
      const idem = idempotencyHeader.safeParse(request.headers.get("idempotency-key") ?? undefined);
      if (!idem.success) throw refusals.badIdempotencyKey();
      const url = new URL(request.url);

      let body = undefined as B;
      if (spec.body) {
        const text = await bodyWithin(request, MAX_BODY_BYTES);
        let raw: unknown;
        try {
          raw = JSON.parse(text);
        } catch {
          throw refusals.badJson();
        }
        const parsed = spec.body.safeParse(raw);
        if (!parsed.success) throw new ErpError(400, "invalid_body", "请求体格式错误 / The body is malformed", zodIssues(parsed.error));
        body = parsed.data;
      }
      let query = undefined as Q;
      if (spec.query) {
        const parsed = spec.query.safeParse(Object.fromEntries(url.searchParams));
        if (!parsed.success) throw new ErpError(400, "invalid_query", "查询参数错误 / The query is malformed", zodIssues(parsed.error));
        query = parsed.data;
      }
      const requestHash = hashOf({ method: request.method, path: url.pathname, body: body ?? null });
      const answer = await run({ key, body, query, idempotencyKey: idem.data, requestHash, requestId });
      return json(answer.body, answer.status, requestId, answer.replayed ? { "Idempotent-Replayed": "true" } : {});
    } catch (e) {
      if (e instanceof ErpError) return json(errorJson(e, requestId), e.status, requestId, e.headers);
      console.error(`[erp] ${request.method} ${new URL(request.url).pathname} request ${requestId}`, e);
      return json(errorJson(refusals.internal(), requestId), 500, requestId);
    }
  };
}

/** The body as text, refused (413) as soon as it passes `max` bytes: a declared length is checked before reading, a streamed one while reading. */
async function bodyWithin(request: Request, max: number): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (declared > max) throw refusals.tooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw refusals.tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
