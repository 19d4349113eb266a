// Child process of restart.test.ts: places two orders through the real domain code, pays one, prints what it
// did, then waits to be killed (SIGKILL) — a server that dies after reserving stock and before the shopper pays.
import { db, ensurePragmas } from "@/lib/db";
import { placeOrder } from "@/lib/orders/placement";
import { confirmSandboxPayment } from "@/lib/orders/payment";

const [memberId, brandId, storeId, skuId, unpaidKey, paidKey] = process.argv.slice(2) as [string, string, string, string, string, string];

async function main() {
  await ensurePragmas();
  const base = { brandId, fulfilment: "PICKUP" as const, storeId, lines: [{ skuId, quantity: 2 }] };
  const unpaid = await placeOrder(memberId, { ...base, idempotencyKey: unpaidKey });
  const paid = await placeOrder(memberId, { ...base, idempotencyKey: paidKey });
  await db.payment.create({ data: { orderId: paid.orderId, provider: "SANDBOX", outTradeNo: paid.number, amountFen: paid.totalFen } });
  await confirmSandboxPayment(paid.number, memberId);
  process.stdout.write(`${JSON.stringify({ unpaid: unpaid.number, paid: paid.number })}\n`);
  setInterval(() => {}, 60_000); // mid-checkout: alive until killed
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
