import { SignOutButton } from "./sign-out-button";

const ROLE_NAMES = { ADMIN: "集团管理员", BRAND_ADMIN: "品牌管理员", STORE_MANAGER: "店长", GUIDE: "导购" } as const;

export function StaffHeader({ title, profile }: { title: string; profile: { name: string; role: keyof typeof ROLE_NAMES; brand: { name: string } | null; store: { name: string } | null } }) {
  return (
    <header className="flex items-center justify-between border-b border-gray-200 px-4 py-3">
      <div>
        <h1 className="text-lg font-semibold">{title}</h1>
        <p className="text-xs text-gray-500" data-testid="staff-identity">
          {profile.name} · {ROLE_NAMES[profile.role]}
          {profile.brand ? ` · ${profile.brand.name}` : ""}
          {profile.store ? ` · ${profile.store.name}` : ""}
        </p>
      </div>
      <SignOutButton />
    </header>
  );
}
