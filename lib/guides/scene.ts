import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { sceneCodeFor } from "@/lib/seed/scenes";
import { Refusal } from "@/lib/refusal";

// A guide's personal short link (/s/<code>, SceneKind GUIDE, targetId = their Staff id): made the first
// time the guide opens "my code", never before, so the 20,000 guides who never use it cost no rows. The
// code is derived from the staff id (the seed's sceneCodeFor), so it is the same on every machine and a
// printed poster keeps working; the scene row's id is derived too, so two first visits at once create one row.

export class GuideSceneRefused extends Refusal {
  constructor(readonly code: "no_such_staff" | "no_store" | "inactive") {
    super(
      code === "no_store"
        ? "只有门店员工有个人二维码 / Only staff of a store have a personal QR code"
        : code === "inactive"
          ? "该员工已停用 / This staff account is deactivated"
          : "员工不存在 / No such staff member",
    );
  }
}

/** The id of a guide's scene row: one per guide, whoever creates it first. */
export const guideSceneId = (staffId: string) => `scene_guide_${staffId}`;

/** The guide's scene code, creating the GUIDE scene on first use; follows the guide to a new store. */
export async function guideSceneCode(staffId: string): Promise<string> {
  const id = guideSceneId(staffId);
  const [scene, staff] = await Promise.all([
    db.qrScene.findUnique({ where: { id }, select: { code: true, storeId: true } }),
    db.staff.findUnique({ where: { id: staffId }, select: { brandId: true, storeId: true, active: true } }),
  ]);
  if (!staff) throw new GuideSceneRefused("no_such_staff");
  if (!staff.active) throw new GuideSceneRefused("inactive");
  if (!staff.brandId || !staff.storeId) throw new GuideSceneRefused("no_store");
  if (scene) {
    // Moved to another store: the same code (posters already handed out keep working), the new store.
    if (scene.storeId !== staff.storeId) await db.qrScene.update({ where: { id }, data: { storeId: staff.storeId } });
    return scene.code;
  }
  for (let attempt = 0; attempt < 8; attempt++) {
    const code = sceneCodeFor(id, attempt);
    try {
      await db.qrScene.create({ data: { id, code, brandId: staff.brandId, kind: "GUIDE", targetId: staffId, storeId: staff.storeId } });
      return code;
    } catch (error) {
      if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
      // Either a parallel first visit made the row (use it) or the code belongs to another scene (next window).
      const made = await db.qrScene.findUnique({ where: { id }, select: { code: true } });
      if (made) return made.code;
    }
  }
  throw new Error(`no free scene code for ${id}`);
}
