"use client";

import { startTransition, useActionState, useEffect, useRef } from "react";
import { useRouter } from "next/navigation";
import type { FormAction } from "@/lib/catalog/console-action";
import { FormStatus } from "@/components/admin/form-status";

/**
 * A console form around server-rendered fields: posts its FormData (files included) to a server action, shows
 * the server's answer, refreshes the page after a save. Submitted by script so a refused form keeps what was
 * typed (a plain form action would reset it); the pressed button's name/value is posted too.
 */
export function ActionForm({
  action,
  children,
  className,
  statusTestId,
  confirmText,
  testId,
  resetOnSave = false,
}: {
  action: FormAction;
  children: React.ReactNode;
  className?: string;
  statusTestId: string;
  confirmText?: string;
  testId?: string;
  /** A form that adds a row: blank again after a save (its answer stays). */
  resetOnSave?: boolean;
}) {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [state, run, pending] = useActionState(action, null);
  useEffect(() => {
    if (!state?.ok) return;
    if (resetOnSave) form.current?.reset();
    router.refresh();
  }, [state, router, resetOnSave]);
  return (
    <form
      ref={form}
      className={className}
      data-testid={testId}
      aria-busy={pending}
      onSubmit={(e) => {
        e.preventDefault();
        if (confirmText && !window.confirm(confirmText)) return;
        const data = new FormData(e.currentTarget, (e.nativeEvent as SubmitEvent).submitter);
        startTransition(() => run(data));
      }}
    >
      <fieldset disabled={pending} className="contents">
        {children}
      </fieldset>
      <FormStatus status={state ? { ok: state.ok, text: state.message } : null} testId={statusTestId} />
    </form>
  );
}
