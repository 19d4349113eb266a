// Child process of kill.test.ts (DATABASE_URL = a copy of the test database):
//   check <csv>                      → dry run of a stock CSV, prints "job <id> <status>"
//   apply <jobId> <batchRows> <ms>   → applies, printing "applied <n>" after each batch and pausing <ms>
import fs from "node:fs";
import { db, ensurePragmas } from "@/lib/db";
import { applyImport, dryRunImport } from "@/lib/imports/jobs";

const [mode, a, b, c] = process.argv.slice(2);
await ensurePragmas();
if (mode === "check") {
  const brand = await db.brand.findFirstOrThrow({ where: { slug: "lumi" } });
  const r = await dryRunImport({ brandId: brand.id, kind: "STOCK", fileName: "kill.csv", actor: "staff:kill-test", source: fs.createReadStream(a!) });
  console.log(`job ${r.jobId} ${r.status}`);
} else if (mode === "apply") {
  const pause = Number(c);
  const r = await applyImport(a!, {
    batchRows: Number(b),
    afterBatch: async (n) => {
      console.log(`applied ${n}`);
      await new Promise((resolve) => setTimeout(resolve, pause));
    },
  });
  console.log(`done ${r.appliedRows}`);
}
await db.$disconnect();
