import Link from "next/link";

export type StockGridProps = {
  colours: { code: string; name: string; hex: string }[];
  sizes: string[];
  skus: { id: string; gtin: string; colorCode: string; size: string }[];
  cells: Record<string, { sellable: number }>;
  selectedSkuId: string | null;
  /** Cells link to a lookup of their barcode (tap a size → that SKU in every store). */
  linkCells?: boolean;
  notStocked: string;
  caption: string;
};

/**
 * One store's stock of a style: colours down, sizes across, exact sellable units (staff see numbers,
 * shoppers only levels). Cells are big enough for a thumb; zero is grey, the selected SKU outlined.
 */
export function StockGrid({ colours, sizes, skus, cells, selectedSkuId, linkCells = true, notStocked, caption }: StockGridProps) {
  const skuAt = new Map(skus.map((s) => [`${s.colorCode}|${s.size}`, s]));
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-separate border-spacing-1 text-center text-base">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="sr-only">
              {caption}
            </th>
            {sizes.map((size) => (
              <th key={size} scope="col" className="px-1 text-sm font-medium text-gray-600">
                {size}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {colours.map((colour) => (
            <tr key={colour.code}>
              <th scope="row" className="max-w-24 pr-1 text-left text-sm font-normal">
                <span className="mr-1 inline-block h-3 w-3 rounded-full border border-gray-300 align-middle" style={{ background: colour.hex }} aria-hidden />
                {colour.name}
              </th>
              {sizes.map((size) => {
                const sku = skuAt.get(`${colour.code}|${size}`);
                if (!sku) return <td key={size} />;
                const cell = cells[sku.id];
                const n = cell?.sellable ?? null;
                const selected = sku.id === selectedSkuId;
                const look = `flex h-11 min-w-11 items-center justify-center rounded-lg ${selected ? "ring-2 ring-black" : ""} ${n ? "bg-green-50 font-semibold text-green-900" : "bg-gray-50 text-gray-400"}`;
                const text = n === null ? notStocked : String(n);
                return (
                  <td key={size} data-testid="stock-cell" data-gtin={sku.gtin}>
                    {linkCells ? (
                      <Link href={`/guide/stock?code=${sku.gtin}`} className={look} aria-current={selected ? "true" : undefined} aria-label={`${colour.name} ${size}: ${text}`}>
                        {text}
                      </Link>
                    ) : (
                      <span className={look}>{text}</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
