import { ZodError } from "zod";
import { AccessDenied } from "@/lib/auth/policy";
import { Refusal } from "@/lib/refusal";

// What a server action answers when its work threw: any domain's refusal and an access refusal as they are (with
// their code, so a screen can offer the next step), bad input's own bilingual message, and anything unexpected as a
// polite retry, logged for the team, never its text or a stack. The console, the store counter, transfers and
// lookbooks all answer through this one function.

export type RefusedAnswer = { ok: false; message: string; code?: string };

export const RETRY_MESSAGE = "操作失败，请重试 / Something went wrong, please retry";

/** `area` and `name` say in the log which action failed, e.g. ("store action", "hand-over"). */
export function refusedAnswer(area: string, name: string, error: unknown): RefusedAnswer {
  if (error instanceof Refusal) return { ok: false, message: error.message, code: error.code };
  if (error instanceof AccessDenied) return { ok: false, message: error.message, code: error.decision };
  if (error instanceof ZodError) {
    const message = error.issues[0]?.message ?? "";
    return { ok: false, message: message.includes(" / ") ? message : "参数无效 / Invalid request", code: "bad_request" };
  }
  console.error(`[${area}] ${name}`, error);
  return { ok: false, message: RETRY_MESSAGE };
}
