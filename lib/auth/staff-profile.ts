import { db } from "@/lib/db";

/** What the staff pages show about who is signed in. */
export async function loadStaffProfile(staffId: string) {
  return db.staff.findUnique({
    where: { id: staffId },
    select: { name: true, username: true, role: true, brand: { select: { name: true } }, store: { select: { name: true, code: true } } },
  });
}
