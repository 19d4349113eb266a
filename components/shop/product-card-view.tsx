"use client";

import Link from "next/link";

/** What one card shows, already chosen and formatted on the server (the RSC payload carries only this). */
export type CardView = { href: string; name: string; image: string | null; price: string; was: string | null; dots: string[] };

// A client component only so a listing's payload holds each card's few props instead of its whole element tree
// (20 cards were ≈ 20 kB of the category page's RSC payload at chain scale); it has no state and no effects.
export function ProductCardView({ card, priority }: { card: CardView; priority: boolean }) {
  return (
    <Link href={card.href} className="group block" data-testid="product-card">
      <div className="card-media">
        {card.image ? (
          // eslint-disable-next-line @next/next/no-img-element
          <img
            src={card.image}
            alt={card.name}
            width={300}
            height={400}
            // The first cards are the page's largest paint on a phone: fetched first, decoded with the page.
            loading={priority ? "eager" : "lazy"}
            fetchPriority={priority ? "high" : "auto"}
            decoding={priority ? "sync" : "async"}
            className="card-img"
          />
        ) : null}
      </div>
      <p className="card-name">{card.name}</p>
      <p className="card-price">
        <span>{card.price}</span>
        {card.was ? <s>{card.was}</s> : null}
      </p>
      <span className="card-dots" aria-hidden="true">
        {card.dots.map((hex, i) => (
          <span key={i} style={{ backgroundColor: hex }} />
        ))}
      </span>
    </Link>
  );
}
