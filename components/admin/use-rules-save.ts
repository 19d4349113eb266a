"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { AdminActionResult } from "./admin-action-result";

/**
 * Saving an admin rules form: pending while the action runs, then `savedText` or the server's refusal as the
 * form's status (FormStatus), and the page refreshed after a save.
 */
export function useRulesSave<I>(save: (input: I) => Promise<AdminActionResult>, savedText: string) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = (input: I) =>
    start(async () => {
      setStatus(null);
      const result = await save(input);
      setStatus(result.ok ? { ok: true, text: savedText } : { ok: false, text: result.message });
      if (result.ok) router.refresh();
    });
  return { pending, status, submit };
}
