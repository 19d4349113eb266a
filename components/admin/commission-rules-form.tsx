"use client";

import { useState } from "react";
import type { AdminActionResult } from "./admin-action-result";
import { buttonClass, fieldClass, FormStatus } from "./form-status";
import { useRulesSave } from "./use-rules-save";

export type CommissionRulesLabels = { title: string; hint: string; guideRate: string; level1: string; level2: string; freezeDays: string; cap: string; save: string; saved: string; working: string };
export type CommissionRulesValues = { guideRate: string; level1: string; level2: string; freezeDays: string; cap: string };

/**
 * Rates as percent with 2 decimals (stored as basis points). The form offers exactly two member levels, the
 * legal maximum; the server refuses more than 100 % in total with the rules' own message.
 */
export function CommissionRulesForm({ brandId, initial, labels, save }: { brandId: string; initial: CommissionRulesValues; labels: CommissionRulesLabels; save(input: CommissionRulesValues & { brandId: string }): Promise<AdminActionResult> }) {
  const [values, setValues] = useState(initial);
  const { pending, status, submit } = useRulesSave(save, labels.saved);
  const field = (key: keyof CommissionRulesValues, label: string, inputMode: "decimal" | "numeric") => (
    <label className="block text-sm">
      {label}
      <input name={key} value={values[key]} inputMode={inputMode} onChange={(e) => setValues({ ...values, [key]: e.target.value })} className={fieldClass} data-testid={`rules-${key}`} />
    </label>
  );
  return (
    <section aria-labelledby="commission-rules" className="rounded-2xl border border-gray-200 p-5">
      <h2 id="commission-rules" className="text-lg font-semibold">{labels.title}</h2>
      <p className="mb-4 text-xs text-gray-500">{labels.hint}</p>
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          submit({ brandId, ...values });
        }}
      >
        <div className="grid grid-cols-1 items-end gap-3 sm:grid-cols-3">
          {field("guideRate", labels.guideRate, "decimal")}
          {field("level1", labels.level1, "decimal")}
          {field("level2", labels.level2, "decimal")}
        </div>
        <div className="grid grid-cols-1 items-end gap-3 sm:grid-cols-2">
          {field("freezeDays", labels.freezeDays, "numeric")}
          {field("cap", labels.cap, "decimal")}
        </div>
        <div className="flex items-center gap-3">
          <button type="submit" disabled={pending} className={buttonClass}>{pending ? labels.working : labels.save}</button>
        </div>
        <FormStatus status={status} testId="rules-status" />
      </form>
    </section>
  );
}
