import type { CategoryAdminNode } from "@/lib/catalog/admin-queries";

/** The tree as <option>s, indented by depth ("— 外套 / Coats"). */
export function categoryOptions(tree: CategoryAdminNode[], locale: string): { id: string; label: string }[] {
  return tree.map((n) => ({ id: n.id, label: `${"— ".repeat(n.depth)}${locale === "en" ? n.nameEn : n.name} (${n.slug})` }));
}
