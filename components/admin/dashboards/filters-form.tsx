import Link from "next/link";
import type { StoreOption } from "@/lib/analytics/queries";

// The dashboards' filters as a plain GET form: the URL holds the state, so a view can be bookmarked or shared.

export type FilterLabels = { legend: string; city: string; allCities: string; store: string; allStores: string; from: string; to: string; apply: string; reset: string };

export function FiltersForm({
  action,
  brandSlug,
  cities,
  stores,
  value,
  labels,
}: {
  action: string;
  /** Only for the group admin, whose brand is chosen by ?brand=. */
  brandSlug?: string;
  cities: string[];
  stores: StoreOption[];
  value: { city?: string; store?: string[]; from?: string; to?: string };
  labels: FilterLabels;
}) {
  const chosen = value.store ?? [];
  const shown = value.city ? stores.filter((s) => s.city === value.city || chosen.includes(s.code)) : stores;
  const field = "flex flex-col gap-1 text-xs text-gray-600";
  const input = "h-9 rounded-md border border-gray-300 bg-white px-2 text-sm text-gray-900";
  return (
    <form method="get" action={action} className="flex flex-wrap items-end gap-3 rounded-lg border border-gray-200 p-3" aria-label={labels.legend} data-testid="dashboard-filters">
      {brandSlug ? <input type="hidden" name="brand" value={brandSlug} /> : null}
      <label className={field}>
        {labels.city}
        <select name="city" defaultValue={value.city ?? ""} className={input} data-testid="filter-city">
          <option value="">{labels.allCities}</option>
          {cities.map((c) => (
            <option key={c} value={c}>{c}</option>
          ))}
        </select>
      </label>
      <label className={field}>
        {labels.store}
        {/* Several stores: a multiple select submits one store= per chosen store; none chosen = all stores. */}
        <select name="store" multiple size={4} defaultValue={chosen} title={labels.allStores} className={`${input} h-auto min-w-48 py-1`} data-testid="filter-store">
          {shown.map((s) => (
            <option key={s.id} value={s.code}>{`${s.code} · ${s.name}`}</option>
          ))}
        </select>
      </label>
      <label className={field}>
        {labels.from}
        <input type="date" name="from" defaultValue={value.from ?? ""} className={input} data-testid="filter-from" />
      </label>
      <label className={field}>
        {labels.to}
        <input type="date" name="to" defaultValue={value.to ?? ""} className={input} data-testid="filter-to" />
      </label>
      <button type="submit" className="h-9 rounded-md bg-black px-4 text-sm font-medium text-white" data-testid="filter-apply">{labels.apply}</button>
      <Link href={brandSlug ? `${action}?brand=${brandSlug}` : action} className="h-9 px-2 text-sm leading-9 text-gray-600 underline">{labels.reset}</Link>
    </form>
  );
}
