import { redirect } from "next/navigation";
import { currentPrincipal } from "@/lib/auth/session";
import { staffHome } from "@/lib/auth/policy";

// After sign-in: each role to its own start page.
export default async function StaffHome() {
  const principal = await currentPrincipal();
  redirect(principal.kind === "staff" ? staffHome(principal.role) : "/staff/sign-in");
}
