import { formatYuan } from "@/lib/money";
import type { ProductCard as Card } from "@/lib/catalog/queries";
import { type CardView, ProductCardView } from "./product-card-view";

/** A card's props: name in the page's language, prices formatted, colours as swatches. */
function cardView(brand: string, product: Card, locale: string): CardView {
  return {
    href: `/${brand}/p/${product.styleCode}`,
    name: locale === "en" ? product.nameEn : product.name,
    image: product.imageUrl,
    price: formatYuan(product.priceFen),
    was: product.listPriceFen ? formatYuan(product.listPriceFen) : null,
    dots: product.colors.map((c) => c.hex),
  };
}

export function ProductGrid({ brand, products, locale, eager = 4 }: { brand: string; products: Card[]; locale: string; eager?: number }) {
  return (
    <ul className="grid grid-cols-2 gap-x-3 gap-y-5 px-3 min-[480px]:grid-cols-3">
      {products.map((p, i) => (
        <li key={p.id}>
          <ProductCardView card={cardView(brand, p, locale)} priority={i < eager} />
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
