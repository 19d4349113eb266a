import { getTranslations } from "next-intl/server";
import type { ActorLabel, FeedLabel, ReferenceLabel } from "@/lib/inventory/ledger-sources";

type T = Awaited<ReturnType<typeof getTranslations<"adminStock">>>;

function actorText(t: T, a: ActorLabel | undefined, raw: string): string {
  if (!a || a.kind === "other") return raw;
  return a.kind === "staff" ? `${a.name} (${a.username})` : t("ledger.source.apiKey", { name: a.name, prefix: a.prefix });
}

function feedText(t: T, f: FeedLabel): string {
  switch (f.kind) {
    case "erpBatch":
      return t("ledger.source.erpBatch", { key: f.key });
    case "erpRequest":
      return t("ledger.source.erpRequest", { id: f.id });
    case "import":
      return t("ledger.source.import", { file: f.fileName ?? f.jobId });
    case "other":
      return f.raw;
  }
}

function referenceText(t: T, r: ReferenceLabel | undefined, raw: string): string {
  if (!r) return raw || "—";
  if (r.kind === "hold") return t("ledger.source.hold", { feed: feedText(t, r.feed), sender: actorText(t, r.sender, "") });
  return feedText(t, r) || "—";
}

/** A ledger row's (or held feed's) actor in words: the staff member or the API key. */
export async function ActorText({ label, raw }: { label?: ActorLabel; raw: string }) {
  const t = await getTranslations("adminStock");
  return <span title={raw}>{actorText(t, label, raw)}</span>;
}

/** A ledger row's (or held feed's) reference in words: the ERP batch, the CSV file, the confirmed hold and its sender. */
export async function ReferenceText({ label, raw }: { label?: ReferenceLabel; raw: string }) {
  const t = await getTranslations("adminStock");
  return <span title={raw}>{referenceText(t, label, raw)}</span>;
}
