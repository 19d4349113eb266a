"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { buttonClass, fieldClass, FormStatus } from "../form-status";

type Kind = "PRODUCTS" | "PRICES" | "STOCK";
type Status = "VALIDATING" | "INVALID" | "READY" | "APPLYING" | "APPLIED" | "FAILED" | "HELD";
type JobView = { id: string; kind: Kind; status: Status; fileName: string; totalRows: number; appliedRows: number; errorCount: number; errors: { row: number; field: string; message: string }[]; percent: number; busy: boolean; holdId: string | null };

export type ImportPanelLabels = {
  kind: string; file: string; submit: string; tooLarge: string; noFile: string; apply: string; resume: string; applying: string;
  kinds: Record<Kind, string>; columns: Record<Kind, string>; status: Record<Status, string>;
  progress: { checking: string; applying: string; done: string; ready: string; invalid: string; stalled: string; interrupted: string; refused: string; held: string };
  /** The held stock feeds page, where a HELD stock import is confirmed or rejected (decision 024). */
  held: { href: string; link: string };
  errors: { heading: string; row: string; field: string; message: string; more: string; download: string };
};

const fill = (s: string, v: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(v[k] ?? ""));
const MAX_BYTES = 20 * 1024 * 1024;

/** Upload → dry run → bad rows or "apply" → progress to 100 %, polling the job's status route every second. */
export function ImportPanel({ brand, initialJobId, labels }: { brand?: string; initialJobId?: string; labels: ImportPanelLabels }) {
  const router = useRouter();
  const [kind, setKind] = useState<Kind>("STOCK");
  const [jobId, setJobId] = useState<string | null>(initialJobId ?? null);
  const [job, setJob] = useState<JobView | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [sending, setSending] = useState(false);
  const [round, setRound] = useState(0); // bumped to poll again (after "apply")
  // The upload needs this script (a plain form post would drop the file): the button waits for it.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const fileRef = useRef<HTMLInputElement>(null);

  const poll = useCallback(async (id: string): Promise<JobView | null> => {
    const res = await fetch(`/api/admin/imports/${encodeURIComponent(id)}`, { cache: "no-store" });
    const body = (await res.json().catch(() => null)) as (JobView & { error?: { message: string } }) | null;
    if (!res.ok || !body) {
      setMessage({ ok: false, text: body?.error?.message ?? `HTTP ${res.status}` });
      return null;
    }
    setJob(body);
    return body;
  }, []);

  useEffect(() => {
    if (!jobId) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      const view = await poll(jobId).catch(() => null);
      if (stopped) return;
      const working = view && view.busy && (view.status === "VALIDATING" || view.status === "APPLYING");
      if (working) timer = setTimeout(tick, 1000);
      else if (view?.status === "APPLIED") router.refresh();
    };
    void tick();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [jobId, round, poll, router]);

  async function upload(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMessage(null);
    const file = fileRef.current?.files?.[0];
    if (!file) return setMessage({ ok: false, text: labels.noFile });
    if (file.size > MAX_BYTES) return setMessage({ ok: false, text: labels.tooLarge });
    const form = new FormData();
    if (brand) form.set("brand", brand);
    form.set("kind", kind);
    form.set("file", file);
    setSending(true);
    setJob(null);
    setJobId(null);
    try {
      const res = await fetch("/api/admin/imports", { method: "POST", body: form });
      const body = (await res.json().catch(() => null)) as { jobId?: string; error?: { message: string } } | null;
      if (!res.ok || !body?.jobId) return setMessage({ ok: false, text: body?.error?.message ?? `HTTP ${res.status}` });
      setJobId(body.jobId);
    } finally {
      setSending(false);
    }
  }

  async function apply() {
    if (!jobId) return;
    setMessage(null);
    const res = await fetch(`/api/admin/imports/${encodeURIComponent(jobId)}/apply`, { method: "POST" });
    const body = (await res.json().catch(() => null)) as { error?: { message: string } } | null;
    if (!res.ok) return setMessage({ ok: false, text: body?.error?.message ?? `HTTP ${res.status}` });
    setJob((j) => (j ? { ...j, status: "APPLYING", busy: true } : j));
    setRound((r) => r + 1);
  }

  // FAILED with bad rows: the catalog changed after the dry run and a batch was refused; only a fixed file helps.
  const refused = job !== null && job.status === "FAILED" && job.errorCount > 0;
  const stalled = job !== null && job.errorCount === 0 && !job.busy && (job.status === "APPLYING" || job.status === "FAILED") && job.appliedRows < job.totalRows;
  const line =
    job === null
      ? ""
      : job.status === "VALIDATING"
        ? fill(job.busy ? labels.progress.checking : labels.progress.interrupted, { rows: job.totalRows })
        : job.status === "INVALID"
          ? fill(labels.progress.invalid, { count: job.errorCount })
          : job.status === "HELD"
            ? labels.progress.held
          : job.status === "READY"
            ? fill(labels.progress.ready, { total: job.totalRows })
            : job.status === "APPLIED"
              ? fill(labels.progress.done, { total: job.totalRows })
              : refused
                ? fill(labels.progress.refused, { applied: job.appliedRows, total: job.totalRows, count: job.errorCount })
                : stalled
                ? fill(labels.progress.stalled, { applied: job.appliedRows, total: job.totalRows })
                : fill(labels.progress.applying, { applied: job.appliedRows, total: job.totalRows });

  return (
    <div className="space-y-4">
      <form onSubmit={upload} className="grid gap-3 md:grid-cols-[14rem_1fr_auto] md:items-end" data-testid="import-form">
        <label className="text-sm">
          {labels.kind}
          <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)} className={fieldClass} data-testid="import-kind">
            {(Object.keys(labels.kinds) as Kind[]).map((k) => (
              <option key={k} value={k}>{labels.kinds[k]}</option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          {labels.file}
          <input ref={fileRef} type="file" name="file" accept=".csv,text/csv" className={`${fieldClass} py-2`} data-testid="import-file" />
        </label>
        <button type="submit" className={buttonClass} disabled={sending || !hydrated} data-testid="import-submit">{labels.submit}</button>
        <p className="text-xs text-gray-500 md:col-span-3">{labels.columns[kind]}</p>
      </form>
      <FormStatus status={message} testId="import-message" />
      {job ? (
        <section className="space-y-3 rounded-lg border border-gray-200 p-4" data-testid="import-job" data-status={job.status}>
          <p className="text-sm font-medium">
            {job.fileName} · {labels.kinds[job.kind]} · <span data-testid="import-status">{labels.status[job.status]}</span>
          </p>
          <div>
            <div className="h-3 w-full overflow-hidden rounded-full bg-gray-100" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={job.percent} aria-label={line} data-testid="import-progress">
              <div className={`h-full ${job.status === "INVALID" || refused ? "bg-red-500" : "bg-black"} transition-all`} style={{ width: `${job.percent}%` }} />
            </div>
            <p className="mt-1 text-sm text-gray-700" data-testid="import-progress-text">{line} · {job.percent}%</p>
          </div>
          {job.status === "HELD" ? (
            <a className="inline-block text-sm underline" href={labels.held.href} data-testid="import-held-link">{labels.held.link}</a>
          ) : null}
          {job.status === "READY" || stalled ? (
            <button type="button" onClick={apply} className={buttonClass} data-testid="import-apply">{stalled ? labels.resume : labels.apply}</button>
          ) : null}
          {job.errors.length > 0 ? (
            <div data-testid="import-errors">
              <h3 className="mb-2 text-sm font-semibold">{labels.errors.heading}</h3>
              {job.errorCount > job.errors.length ? (
                <p className="mb-2 text-xs text-gray-500">
                  {fill(labels.errors.more, { shown: job.errors.length, count: job.errorCount })} ·{" "}
                  <a className="underline" href={`/api/admin/imports/${encodeURIComponent(job.id)}/errors.csv`} data-testid="import-errors-csv">{labels.errors.download}</a>
                </p>
              ) : null}
              <div className="max-h-96 overflow-auto rounded border border-gray-200">
                <table className="w-full text-left text-sm">
                  <thead className="sticky top-0 bg-gray-50 text-xs text-gray-600">
                    <tr><th className="px-3 py-2">{labels.errors.row}</th><th className="px-3 py-2">{labels.errors.field}</th><th className="px-3 py-2">{labels.errors.message}</th></tr>
                  </thead>
                  <tbody>
                    {job.errors.map((e, i) => (
                      <tr key={`${e.row}-${e.field}-${i}`} className="border-t border-gray-100" data-testid="import-error-row">
                        <td className="px-3 py-1.5 tabular-nums">{e.row}</td>
                        <td className="px-3 py-1.5 font-mono text-xs">{e.field}</td>
                        <td className="px-3 py-1.5">{e.message}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
