/** The answer under an admin form: saved (polite) or the refusal (assertive), in the words the server chose. */
export function FormStatus({ status, testId }: { status: { ok: boolean; text: string } | null; testId: string }) {
  if (!status) return null;
  return (
    <p role={status.ok ? "status" : "alert"} data-testid={testId} className={`rounded px-3 py-2 text-sm ${status.ok ? "bg-green-50 text-green-800" : "bg-red-50 text-red-700"}`}>
      {status.text}
    </p>
  );
}

export const fieldClass = "mt-1 h-11 w-full rounded-lg border border-gray-300 bg-white px-3 text-base tabular-nums";
export const buttonClass = "h-11 rounded-lg bg-black px-5 text-sm font-medium text-white disabled:opacity-50";
