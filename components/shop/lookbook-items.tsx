import Link from "next/link";
import { formatYuan } from "@/lib/money";

export type LookbookItemCard = { styleCode: string; name: string; nameEn: string; priceFen: number; listPriceFen: number | null; imageUrl: string | null; note: string; href: string };

/** A lookbook's (or a DM catalog's) pieces, one per row with the curator's note beside the picture (a phone's width). */
export function LookbookItems({ items, locale, testId = "lookbook-item" }: { brand: string; locale: string; items: LookbookItemCard[]; testId?: string }) {
  return (
    <ul className="mt-4 divide-y divide-line border-y border-line">
      {items.map((item, i) => {
        const name = locale === "en" ? item.nameEn : item.name;
        return (
          <li key={item.styleCode}>
            <Link href={item.href} className="flex gap-3 p-4" data-testid={testId} data-style={item.styleCode}>
              <div className="aspect-[3/4] w-28 shrink-0 overflow-hidden rounded-lg bg-brand-soft">
                {item.imageUrl ? (
                  // eslint-disable-next-line @next/next/no-img-element
                  <img src={item.imageUrl} alt={name} width={112} height={150} loading={i < 2 ? "eager" : "lazy"} decoding="async" className="h-full w-full object-cover" />
                ) : null}
              </div>
              <div className="min-w-0">
                <p className="line-clamp-2 text-sm">{name}</p>
                <p className="mt-1 flex items-baseline gap-1.5">
                  <span className="text-[15px] font-semibold text-brand">{formatYuan(item.priceFen)}</span>
                  {item.listPriceFen ? <s className="text-xs text-muted">{formatYuan(item.listPriceFen)}</s> : null}
                </p>
                {item.note ? <p className="mt-2 rounded bg-gray-50 px-2 py-1.5 text-xs text-ink/80">{item.note}</p> : null}
              </div>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
