import { textQrSvg } from "@/lib/qr/svg";
import { formatPickupCode, PICKUP_QR_PREFIX } from "@/lib/orders/pickup-code";

/** The pickup code as staff scan it (QR of "MCPU:" + code) and as they can type it (ABCD-EFGH). */
export async function OrderPickupCode({ code }: { code: string }) {
  const svg = await textQrSvg(`${PICKUP_QR_PREFIX}${code}`);
  return (
    <>
      <div className="mx-auto mt-3 w-52 [&>svg]:h-auto [&>svg]:w-full" role="img" aria-label={formatPickupCode(code)} data-testid="pickup-qr" dangerouslySetInnerHTML={{ __html: svg }} />
      <p className="mt-2 font-mono text-2xl font-semibold tracking-widest" data-testid="pickup-code-text">{formatPickupCode(code)}</p>
    </>
  );
}
