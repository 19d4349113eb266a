import { db } from "@/lib/db";

// Who and what a ledger row names, made readable for the console's stock ledger: "staff:<id>" → the staff member,
// "api-key:<id>" → the key's name and prefix, "import:<job>" → the CSV file, "erp:<key>" → the ERP batch, and
// "hold:<id>" (a held feed an admin confirmed, decision 024) → the feed and who sent it. One query per kind.

export type ActorLabel = { kind: "staff"; name: string; username: string } | { kind: "apiKey"; name: string; prefix: string } | { kind: "other"; raw: string };
export type FeedLabel =
  | { kind: "erpBatch"; key: string }
  | { kind: "erpRequest"; id: string }
  | { kind: "import"; jobId: string; fileName: string | null }
  | { kind: "other"; raw: string };
export type ReferenceLabel = FeedLabel | { kind: "hold"; holdId: string; feed: FeedLabel; sender: ActorLabel };
export type LedgerSources = { actors: Map<string, ActorLabel>; references: Map<string, ReferenceLabel> };

const idOf = (value: string, prefix: string) => (value.startsWith(prefix) ? value.slice(prefix.length) : null);

/** Labels of every actor and reference of the rows (keys: the raw strings). */
export async function ledgerSources(rows: { actor: string; reference: string }[]): Promise<LedgerSources> {
  const holdIds = [...new Set(rows.flatMap((r) => idOf(r.reference, "hold:") ?? []))];
  const holds = holdIds.length ? await db.stockFeedHold.findMany({ where: { id: { in: holdIds } }, select: { id: true, actor: true, reference: true } }) : [];
  const actors = [...new Set([...rows.map((r) => r.actor), ...holds.map((h) => h.actor)])];
  const references = [...new Set([...rows.map((r) => r.reference), ...holds.map((h) => h.reference)])];
  const staffIds = actors.flatMap((a) => idOf(a, "staff:") ?? []);
  const keyIds = actors.flatMap((a) => idOf(a, "api-key:") ?? []);
  const jobIds = references.flatMap((r) => idOf(r, "import:") ?? []);
  const [staff, keys, jobs] = await Promise.all([
    staffIds.length ? db.staff.findMany({ where: { id: { in: staffIds } }, select: { id: true, name: true, username: true } }) : [],
    keyIds.length ? db.apiKey.findMany({ where: { id: { in: keyIds } }, select: { id: true, name: true, prefix: true } }) : [],
    jobIds.length ? db.importJob.findMany({ where: { id: { in: jobIds } }, select: { id: true, fileName: true } }) : [],
  ]);
  const staffById = new Map(staff.map((s) => [s.id, s]));
  const keyById = new Map(keys.map((k) => [k.id, k]));
  const fileOf = new Map(jobs.map((j) => [j.id, j.fileName]));

  const actorLabel = (raw: string): ActorLabel => {
    const s = staffById.get(idOf(raw, "staff:") ?? "");
    if (s) return { kind: "staff", name: s.name, username: s.username };
    const k = keyById.get(idOf(raw, "api-key:") ?? "");
    if (k) return { kind: "apiKey", name: k.name, prefix: k.prefix };
    return { kind: "other", raw };
  };
  const feedLabel = (raw: string): FeedLabel => {
    const request = idOf(raw, "erp:request:");
    if (request) return { kind: "erpRequest", id: request };
    const key = idOf(raw, "erp:");
    if (key) return { kind: "erpBatch", key };
    const job = idOf(raw, "import:");
    if (job) return { kind: "import", jobId: job, fileName: fileOf.get(job) ?? null };
    return { kind: "other", raw };
  };
  const holdById = new Map(holds.map((h) => [h.id, h]));
  const referenceLabel = (raw: string): ReferenceLabel => {
    const hold = holdById.get(idOf(raw, "hold:") ?? "");
    return hold ? { kind: "hold", holdId: hold.id, feed: feedLabel(hold.reference), sender: actorLabel(hold.actor) } : feedLabel(raw);
  };
  return {
    actors: new Map(rows.map((r) => [r.actor, actorLabel(r.actor)])),
    references: new Map(rows.map((r) => [r.reference, referenceLabel(r.reference)])),
  };
}
