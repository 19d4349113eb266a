import { describe, expect, it } from "vitest";
import { z } from "zod";
import { erpHandler } from "@/lib/erp/http";
import { expectConsoleError } from "../../setup/console-error";
import { call, newKey } from "./support";

// The frame every /api/v1 handler runs in: unexpected errors become 500 JSON with a request id (logged), never a stack.
describe("ERP handler frame", () => {
  it("answers an unexpected error with 500 JSON carrying the request id, and logs it", async () => {
    const key = await newKey();
    const consoleError = expectConsoleError();
    const handler = erpHandler({ body: z.object({ n: z.number() }) }, async () => {
      throw new Error("boom at lib/erp/secret-place.ts:12");
    });
    const answer = await call(handler, "POST", "/api/v1/test", { secret: key.secret, body: { n: 1 } });
    expect(answer.status).toBe(500);
    expect(answer.body).toEqual({ error: { code: "internal", message: expect.stringContaining(" / "), requestId: answer.headers.get("x-request-id") } });
    expect(JSON.stringify(answer.body)).not.toContain("boom");
    expect(consoleError).toHaveBeenCalledWith(expect.stringContaining(answer.body.error.requestId), expect.any(Error));
  });
});
