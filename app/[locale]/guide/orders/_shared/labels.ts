import "server-only";
import { getTranslations } from "next-intl/server";

// Client islands get their strings as plain objects (no next-intl provider on the staff pages).
export async function storeOpsMessages() {
  const t = await getTranslations("storeOps");
  const raw = <T,>(key: string) => t.raw(key) as T;
  return {
    t,
    nav: raw<{ label: string; home: string; orders: string; handOver: string; returns: string; holds: string }>("nav"),
    raw,
  };
}
