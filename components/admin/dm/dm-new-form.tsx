"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { AdminActionResult } from "@/components/admin/admin-action-result";
import { buttonClass, fieldClass, FormStatus } from "@/components/admin/form-status";

/** A new DM catalog starts as a draft with a title; the builder page takes it from there. */
export function DmNewForm({ brandId, builderBase, query, labels, create }: { brandId: string; builderBase: string; query: string; labels: Record<string, string>; create(input: { brandId: string; title: string; note: string }): Promise<AdminActionResult<{ id: string }>> }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [values, setValues] = useState({ title: "", note: "" });
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <form
      className="max-w-xl space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          setStatus(null);
          const result = await create({ brandId, ...values });
          if (result.ok) router.push(`${builderBase}/${result.id}${query}`);
          else setStatus({ ok: false, text: result.message });
        });
      }}
    >
      <label className="block text-sm">{labels.fieldTitle}<input name="title" value={values.title} onChange={(e) => setValues({ ...values, title: e.target.value })} className={fieldClass} data-testid="dm-new-title" /></label>
      <label className="block text-sm">{labels.fieldNote}<textarea name="note" rows={3} value={values.note} onChange={(e) => setValues({ ...values, note: e.target.value })} className={`${fieldClass} h-auto py-2`} /></label>
      <button type="submit" disabled={pending} className={buttonClass} data-testid="dm-create">{labels.create}</button>
      <FormStatus status={status} testId="dm-new-status" />
    </form>
  );
}
