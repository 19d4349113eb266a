// `npm run db:restore -- <backup file>`: puts a backup in place of DATABASE_URL's file. Stop the app first:
// it refuses while any process has the database open, and refuses a backup that fails integrity_check.
import { restoreDatabase } from "@/lib/ops/backup";

const from = process.argv[2];
if (!from) {
  console.error("用法 / Usage: npm run db:restore -- <backup file>");
  process.exit(2);
}
try {
  const result = restoreDatabase({ from });
  console.log(`恢复完成 / Restored ${from} -> ${result.file}`);
  console.log(`  integrity_check: ${result.integrity}; ${(result.bytes / 1024 / 1024).toFixed(1)} MB`);
  for (const [table, count] of Object.entries(result.counts)) console.log(`  ${table}: ${count}`);
} catch (error) {
  console.error(`恢复失败 / Restore failed: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
}
