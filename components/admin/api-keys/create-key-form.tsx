"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { AdminActionResult } from "@/components/admin/admin-action-result";
import { buttonClass, fieldClass, FormStatus } from "@/components/admin/form-status";

export type CreateKeyLabels = {
  heading: string;
  name: string;
  namePlaceholder: string;
  rateLimit: string;
  submit: string;
  creating: string;
  secretHeading: string;
  warning: string;
  copy: string;
  copied: string;
  done: string;
};

type Create = (input: { brandId: string; name: string; rateLimit: string }) => Promise<AdminActionResult<{ secret: string; prefix: string }>>;

/** New key form; the secret the server answers is shown here once (copy button, warning) and kept nowhere else. */
export function CreateKeyForm({ brandId, labels, create }: { brandId: string; labels: CreateKeyLabels; create: Create }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  const submit = (form: HTMLFormElement) => {
    const data = new FormData(form);
    start(async () => {
      setError(null);
      const result = await create({ brandId, name: String(data.get("name") ?? ""), rateLimit: String(data.get("rateLimit") ?? "") });
      if (!result.ok) return setError(result.message);
      form.reset();
      setCopied(false);
      setSecret(result.secret);
      router.refresh();
    });
  };

  return (
    <section className="mb-6 rounded-lg border border-gray-200 p-4" aria-labelledby="new-key-heading">
      <h2 id="new-key-heading" className="mb-3 text-base font-medium">{labels.heading}</h2>
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          submit(e.currentTarget);
        }}
      >
        <label className="block w-72 text-sm">
          {labels.name}
          <input name="name" required maxLength={80} placeholder={labels.namePlaceholder} className={fieldClass} data-testid="api-key-name" />
        </label>
        <label className="block w-44 text-sm">
          {labels.rateLimit}
          <input name="rateLimit" inputMode="numeric" defaultValue="600" className={fieldClass} data-testid="api-key-rate" />
        </label>
        <button type="submit" disabled={pending} className={buttonClass} data-testid="api-key-create">
          {pending ? labels.creating : labels.submit}
        </button>
      </form>
      <div className="mt-3">
        <FormStatus status={error ? { ok: false, text: error } : null} testId="api-key-error" />
      </div>
      {secret ? (
        <div role="status" className="mt-4 rounded-lg border border-amber-300 bg-amber-50 p-4" data-testid="api-key-secret-panel">
          <p className="text-sm font-medium">{labels.secretHeading}</p>
          <p className="mt-1 text-sm text-amber-900">{labels.warning}</p>
          <div className="mt-3 flex flex-wrap items-center gap-2">
            <code className="select-all break-all rounded bg-white px-3 py-2 font-mono text-sm" data-testid="api-key-secret">{secret}</code>
            <button
              type="button"
              className="h-10 rounded-md border border-gray-300 bg-white px-3 text-sm"
              onClick={() => {
                void navigator.clipboard?.writeText(secret).then(() => setCopied(true), () => setCopied(false));
              }}
              data-testid="api-key-copy"
            >
              {copied ? labels.copied : labels.copy}
            </button>
            <button type="button" className="h-10 rounded-md px-3 text-sm underline" onClick={() => setSecret(null)} data-testid="api-key-done">
              {labels.done}
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
