// One figure of the dashboard: title, what it counts, the chart, and its CSV export with the page's filters.

export function ChartPanel({ id, title, note, exportHref, exportLabel, children }: { id: string; title: string; note: string; exportHref: string; exportLabel: string; children: React.ReactNode }) {
  return (
    <section className="rounded-lg border border-gray-200 p-4" data-testid={`chart-${id}`} aria-labelledby={`chart-${id}-title`}>
      <h2 id={`chart-${id}-title`} className="text-base font-semibold">{title}</h2>
      <p className="mb-3 text-xs text-gray-500">{note}</p>
      <div className="min-h-40">{children}</div>
      <p className="mt-2 text-right text-sm">
        <a href={exportHref} download className="text-blue-700 underline" data-testid={`export-${id}`}>{exportLabel}</a>
      </p>
    </section>
  );
}
