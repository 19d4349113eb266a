// `npm run db:demo-activity`: adds demo activity (QR scans, new members, favourites, a few hundred orders through
// their whole life, stock-out transfers) to a database seeded with `npm run db:seed`, dated over the 60 days
// before now so the dashboards' default "last 30 days" shows it (lib/seed/activity.ts). Runs once per database.
// `npm run setup` runs it after seeding an empty database unless DEMO_ACTIVITY=off.
import { db, ensurePragmas } from "@/lib/db";
import { ActivityRefused, addDemoActivity } from "@/lib/seed/activity";
import { onPostgres } from "@/lib/db/dialect";

async function main(): Promise<void> {
  await ensurePragmas();
  const summary = await addDemoActivity(new Date());
  if (!onPostgres()) await db.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
  const orders = Object.values(summary.orders).reduce((a, b) => a + b, 0);
  console.log(`demo activity: done in ${summary.ms} ms`);
  console.log(`  scans        ${summary.scans}`);
  console.log(`  new members  ${summary.newMembers} (${summary.bindings} bound to a guide by their code)`);
  console.log(`  favourites   ${summary.favourites}`);
  console.log(`  orders       ${orders}${summary.skippedOrders ? ` (${summary.skippedOrders} not placed: sold out)` : ""}`);
  for (const [outcome, n] of Object.entries(summary.orders).sort()) console.log(`    ${outcome.padEnd(28)}${n}`);
  console.log(`  transfers    ${Object.values(summary.transfers).reduce((a, b) => a + b, 0)} (${Object.entries(summary.transfers).map(([k, n]) => `${n} ${k}`).join(", ")})`);
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof ActivityRefused ? error.message : `demo activity: FAILED: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
