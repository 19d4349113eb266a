"use client";

import { useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { FormStatus } from "@/components/admin/form-status";

export type ActionAnswer = { ok: true; notice?: string; redirectTo?: string } | { ok: false; message: string };

/**
 * A console form posting to a server action: pending while it runs, then the saved text (or a notice the server
 * returns once, e.g. a generated password) or the refusal in the server's words; the page is refreshed after a save.
 */
export function ActionForm({
  action,
  submitLabel,
  workingLabel,
  savedText,
  testId,
  className,
  confirmText,
  resetOnSave = true,
  children,
}: {
  action: (form: FormData) => Promise<ActionAnswer>;
  submitLabel: string;
  workingLabel: string;
  savedText: string;
  testId: string;
  className?: string;
  confirmText?: string;
  /** false for a form showing the current state (a tier, a role): after a save it already shows the new one. */
  resetOnSave?: boolean;
  children?: React.ReactNode;
}) {
  const router = useRouter();
  const ref = useRef<HTMLFormElement>(null);
  const [pending, start] = useTransition();
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <form
      ref={ref}
      data-testid={testId}
      className={className ?? "flex flex-wrap items-end gap-3"}
      onSubmit={(e) => {
        e.preventDefault();
        if (confirmText && !window.confirm(confirmText)) return;
        const form = new FormData(e.currentTarget);
        start(async () => {
          setStatus(null);
          setNotice(null);
          const result = await action(form);
          if (!result.ok) return setStatus({ ok: false, text: result.message });
          setStatus({ ok: true, text: savedText });
          if (result.notice) setNotice(result.notice);
          if (result.redirectTo) return router.push(result.redirectTo);
          if (resetOnSave) ref.current?.reset();
          router.refresh();
        });
      }}
    >
      {children}
      <button type="submit" disabled={pending} className="h-10 rounded-md bg-black px-4 text-sm font-medium text-white disabled:opacity-50" data-testid={`${testId}-submit`}>
        {pending ? workingLabel : submitLabel}
      </button>
      <div className="basis-full empty:hidden" aria-live="polite">
        <FormStatus status={status} testId={`${testId}-status`} />
        {notice ? (
          <p className="mt-2 rounded bg-amber-50 px-3 py-2 font-mono text-sm text-amber-900" data-testid={`${testId}-notice`}>
            {notice}
          </p>
        ) : null}
      </div>
    </form>
  );
}

export const inputClass = "mt-1 block h-10 rounded-md border border-gray-300 bg-white px-3 text-sm";
export const labelClass = "text-xs text-gray-600";
