import Link from "next/link";
import { formatYuan } from "@/lib/money";
import type { ProductCard as Card } from "@/lib/catalog/queries";

export function ProductCard({ brand, product, locale, priority = false }: { brand: string; product: Card; locale: string; priority?: boolean }) {
  const name = locale === "en" ? product.nameEn : product.name;
  return (
    <Link href={`/${brand}/p/${product.styleCode}`} className="group block" data-testid="product-card">
      <div className="aspect-[3/4] overflow-hidden rounded-lg bg-brand-soft">
        {product.imageUrl ? (
          // eslint-disable-next-line @next/next/no-img-element
          <img
            src={product.imageUrl}
            alt={name}
            width={300}
            height={400}
            // The first cards are the page's largest paint on a phone: fetched first, decoded with the page.
            loading={priority ? "eager" : "lazy"}
            fetchPriority={priority ? "high" : "auto"}
            decoding={priority ? "sync" : "async"}
            className="h-full w-full object-cover transition-transform group-active:scale-[0.98]"
          />
        ) : null}
      </div>
      <p className="mt-2 line-clamp-2 text-[13px] leading-snug">{name}</p>
      <p className="mt-1 flex items-baseline gap-1.5">
        <span className="text-[15px] font-semibold text-brand">{formatYuan(product.priceFen)}</span>
        {product.listPriceFen ? <s className="text-xs text-muted">{formatYuan(product.listPriceFen)}</s> : null}
      </p>
      <span className="mt-1 flex gap-1" aria-hidden="true">
        {product.colors.map((c) => (
          <span key={c.code} className="h-2.5 w-2.5 rounded-full border border-black/10" style={{ backgroundColor: c.hex }} />
        ))}
      </span>
    </Link>
  );
}

export function ProductGrid({ brand, products, locale, eager = 4 }: { brand: string; products: Card[]; locale: string; eager?: number }) {
  return (
    <ul className="grid grid-cols-2 gap-x-3 gap-y-5 px-3 min-[480px]:grid-cols-3">
      {products.map((p, i) => (
        <li key={p.id}>
          <ProductCard brand={brand} product={p} locale={locale} priority={i < eager} />
        </li>
      ))}
    </ul>
  );
}

export function ProductGridSkeleton({ count = 6 }: { count?: number }) {
  return (
    <ul className="grid grid-cols-2 gap-x-3 gap-y-5 px-3" aria-hidden="true">
      {Array.from({ length: count }, (_, i) => (
        <li key={i}>
          <div className="skeleton aspect-[3/4] rounded-lg" />
          <div className="skeleton mt-2 h-3 w-4/5" />
          <div className="skeleton mt-2 h-3 w-1/3" />
        </li>
      ))}
    </ul>
  );
}
