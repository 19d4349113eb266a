"use client";

import { useState } from "react";
import type { AdminActionResult } from "./admin-action-result";
import { buttonClass, fieldClass, FormStatus } from "./form-status";
import { useRulesSave } from "./use-rules-save";

export type BindingMode = "FIRST_TOUCH" | "LAST_TOUCH" | "WINDOW";
export type BindingRulesLabels = { title: string; mode: string; modes: Record<BindingMode, string>; windowDays: string; protectionDays: string; save: string; saved: string; working: string };
export type BindingRulesValues = { mode: BindingMode; windowDays: string; protectionDays: string };

/** Which guide a shopper belongs to: mode, window and protection period (lib/attribution/rules.ts explains each). */
export function BindingRulesForm({ brandId, initial, labels, save }: { brandId: string; initial: BindingRulesValues; labels: BindingRulesLabels; save(input: BindingRulesValues & { brandId: string }): Promise<AdminActionResult> }) {
  const [values, setValues] = useState(initial);
  const { pending, status, submit } = useRulesSave(save, labels.saved);
  return (
    <section aria-labelledby="binding-rules" className="rounded-2xl border border-gray-200 p-5">
      <h2 id="binding-rules" className="mb-4 text-lg font-semibold">{labels.title}</h2>
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          submit({ brandId, ...values });
        }}
      >
        <label className="block text-sm">
          {labels.mode}
          <select name="mode" value={values.mode} onChange={(e) => setValues({ ...values, mode: e.target.value as BindingMode })} className={fieldClass} data-testid="binding-mode">
            {(Object.keys(labels.modes) as BindingMode[]).map((m) => (
              <option key={m} value={m}>{labels.modes[m]}</option>
            ))}
          </select>
        </label>
        <div className="grid grid-cols-1 items-end gap-3 sm:grid-cols-2">
          <label className="block text-sm">
            {labels.windowDays}
            <input name="windowDays" inputMode="numeric" value={values.windowDays} onChange={(e) => setValues({ ...values, windowDays: e.target.value })} className={fieldClass} data-testid="binding-windowDays" />
          </label>
          <label className="block text-sm">
            {labels.protectionDays}
            <input name="protectionDays" inputMode="numeric" value={values.protectionDays} onChange={(e) => setValues({ ...values, protectionDays: e.target.value })} className={fieldClass} data-testid="binding-protectionDays" />
          </label>
        </div>
        <button type="submit" disabled={pending} className={buttonClass}>{pending ? labels.working : labels.save}</button>
        <FormStatus status={status} testId="binding-status" />
      </form>
    </section>
  );
}
