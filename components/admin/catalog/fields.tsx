import { fieldClass } from "@/components/admin/form-status";

// Server-rendered inputs of the console forms (the client island around them only posts and shows answers).

type Common = { label: string; name: string; testId?: string; className?: string };

export function TextField({ label, name, defaultValue, testId, className, inputMode, placeholder, required, type = "text" }: Common & { defaultValue?: string | number; inputMode?: "decimal" | "numeric" | "text" | "tel"; placeholder?: string; required?: boolean; type?: "text" | "time" | "color" }) {
  return (
    <label className={`block text-sm ${className ?? ""}`}>
      {label}
      <input name={name} type={type} defaultValue={defaultValue} inputMode={inputMode} placeholder={placeholder} required={required} className={fieldClass} data-testid={testId} />
    </label>
  );
}

export function TextArea({ label, name, defaultValue, testId, className }: Common & { defaultValue?: string }) {
  return (
    <label className={`block text-sm ${className ?? ""}`}>
      {label}
      <textarea name={name} defaultValue={defaultValue} rows={4} className="mt-1 w-full rounded-lg border border-gray-300 bg-white px-3 py-2 text-base" data-testid={testId} />
    </label>
  );
}

export function Switch({ label, name, defaultChecked, testId }: Common & { defaultChecked: boolean }) {
  return (
    <label className="flex h-11 items-center gap-2 text-sm">
      <input type="checkbox" name={name} defaultChecked={defaultChecked} className="h-5 w-5" data-testid={testId} />
      {label}
    </label>
  );
}

export function Select({ label, name, defaultValue, options, testId, className }: Common & { defaultValue?: string; options: { value: string; label: string }[] }) {
  return (
    <label className={`block text-sm ${className ?? ""}`}>
      {label}
      <select name={name} defaultValue={defaultValue} className={fieldClass} data-testid={testId}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    </label>
  );
}

export function Hidden({ values }: { values: Record<string, string> }) {
  return (
    <>
      {Object.entries(values).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
    </>
  );
}
