// `npm run db:backup [-- --to <file>]`: online backup of DATABASE_URL's SQLite file while the app keeps serving.
// Default target data/backups/app-<UTC timestamp>.db; prints integrity, size and key table counts.
import { backupDatabase } from "@/lib/ops/backup";

const args = process.argv.slice(2);
const toIndex = args.indexOf("--to");
const to = toIndex >= 0 ? args[toIndex + 1] : undefined;

backupDatabase({ to })
  .then((result) => {
    console.log(`备份完成 / Backup written: ${result.file}`);
    console.log(`  integrity_check: ${result.integrity}; ${(result.bytes / 1024 / 1024).toFixed(1)} MB in ${result.ms} ms`);
    for (const [table, count] of Object.entries(result.counts)) console.log(`  ${table}: ${count}`);
  })
  .catch((error) => {
    console.error(`备份失败 / Backup failed: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
  });
