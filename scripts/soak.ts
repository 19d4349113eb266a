// `npm run soak`: 10 minutes of mixed shop traffic against a production server on a freshly seeded database, with the
// server's memory sampled, then the ledger, orders and favourites checked. Why it is built this way:
// docs/decisions/026-soak.md.
import path from "node:path";
import { log, ROOT, runScript } from "./bench/env";
import { parseSoakOptions, SOAK_USAGE } from "./soak/options";
import { soakMarkdown, writeSoakReport } from "./soak/report";
import { runSoak } from "./soak/run";

await runScript("soak", async (cleanup) => {
  const argv = process.argv.slice(2);
  const opts = parseSoakOptions(argv);
  if (opts.help) {
    console.log(SOAK_USAGE);
    return 0;
  }
  const report = await runSoak(opts, argv, cleanup);
  console.log(`\n${soakMarkdown(report)}`);
  const written = writeSoakReport(report, opts.reportBase);
  log(`wrote ${path.relative(ROOT, written.json)} and ${path.relative(ROOT, written.md)}`);
  return report.pass ? 0 : 1;
});
