import { inputClass, labelClass } from "./action-form";

/** The role and store pickers of the staff forms (new staff, change of role/store). */
export function RoleStoreFields({
  labels,
  stores,
  role,
  storeId,
  testIdPrefix,
  wide,
}: {
  labels: { role: string; store: string; noStore: string; roles: Record<"BRAND_ADMIN" | "STORE_MANAGER" | "GUIDE", string> };
  stores: { id: string; code: string; name: string }[];
  role: string;
  storeId: string;
  testIdPrefix: string;
  wide?: boolean;
}) {
  const cls = wide ? `${inputClass} w-full` : inputClass;
  return (
    <>
      <label className={labelClass}>
        {labels.role}
        <select name="role" required defaultValue={role} className={cls} data-testid={`${testIdPrefix}-role`}>
          {(["BRAND_ADMIN", "STORE_MANAGER", "GUIDE"] as const).map((r) => (
            <option key={r} value={r}>{labels.roles[r]}</option>
          ))}
        </select>
      </label>
      <label className={labelClass}>
        {labels.store}
        <select name="storeId" defaultValue={storeId} className={cls} data-testid={`${testIdPrefix}-store`}>
          <option value="">{labels.noStore}</option>
          {stores.map((s) => (
            <option key={s.id} value={s.id}>{`${s.code} ${s.name}`}</option>
          ))}
        </select>
      </label>
    </>
  );
}
