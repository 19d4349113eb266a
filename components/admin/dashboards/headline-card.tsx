import type { Headline } from "@/lib/analytics/queries";

// The pilot's three figures on one card: active followers, favourites, valid orders, for the stores and period shown.

export type HeadlineLabels = { title: string; scope: string; activeFollowers: string; favourites: string; validOrders: string; definition: string };

export function HeadlineCard({ figures, labels, locale }: { figures: Headline; labels: HeadlineLabels; locale: string }) {
  const number = new Intl.NumberFormat(locale);
  const items = [
    { key: "activeFollowers", label: labels.activeFollowers, value: figures.activeFollowers },
    { key: "favourites", label: labels.favourites, value: figures.favourites },
    { key: "validOrders", label: labels.validOrders, value: figures.validOrders },
  ] as const;
  return (
    <section className="rounded-xl border border-gray-200 bg-gray-50 p-4" data-testid="headline-card" aria-labelledby="headline-title">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="headline-title" className="text-base font-semibold">{labels.title}</h2>
        <span className="text-xs text-gray-600" data-testid="headline-scope">{labels.scope}</span>
      </div>
      <dl className="mt-3 grid grid-cols-3 gap-3">
        {items.map((item) => (
          <div key={item.key} className="rounded-lg bg-white p-3">
            <dt className="text-xs text-gray-600">{item.label}</dt>
            <dd className="text-2xl font-semibold tabular-nums" data-testid={`headline-${item.key}`} data-value={item.value}>{number.format(item.value)}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-2 text-xs text-gray-500">{labels.definition}</p>
    </section>
  );
}
