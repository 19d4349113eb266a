import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { GuideSceneRefused, guideSceneCode, guideSceneId } from "@/lib/guides/scene";
import { sceneCode } from "@/lib/scenes/resolve";
import { sceneCodeFor } from "@/lib/seed/scenes";

const staffId = async (username: string) => (await db.staff.findUniqueOrThrow({ where: { username } })).id;

/** A new guide at a seeded guide's store: other tests open the demo guides' pages, which makes their scenes. */
async function newGuide(like: string) {
  const model = await db.staff.findUniqueOrThrow({ where: { username: like } });
  const username = `test.guide.${crypto.randomBytes(4).toString("hex")}`;
  return (await db.staff.create({ data: { username, name: "测试导购", passwordHash: "x", role: "GUIDE", brandId: model.brandId, storeId: model.storeId } })).id;
}

describe("a guide's personal scene (/s/<code>)", () => {
  it("is created on first use, once, with a stable code derived from the staff id", async () => {
    const id = await newGuide("lumi.sh01.guide");
    expect(await db.qrScene.count({ where: { kind: "GUIDE", targetId: id } })).toBe(0);
    const first = await guideSceneCode(id);
    const again = await guideSceneCode(id);
    expect(again).toBe(first);
    expect(first).toBe(sceneCodeFor(`scene_guide_${id}`)); // no collision in the seed
    expect(sceneCode.safeParse(first).success).toBe(true);
    const scenes = await db.qrScene.findMany({ where: { kind: "GUIDE", targetId: id } });
    const staff = await db.staff.findUniqueOrThrow({ where: { id } });
    expect(scenes).toEqual([expect.objectContaining({ id: guideSceneId(id), code: first, brandId: staff.brandId, storeId: staff.storeId, productId: null })]);
  });

  it("several first visits at once make one scene", async () => {
    const id = await newGuide("nord.sh01.guide");
    const codes = await Promise.all(Array.from({ length: 6 }, () => guideSceneCode(id)));
    expect(new Set(codes).size).toBe(1);
    expect(await db.qrScene.count({ where: { kind: "GUIDE", targetId: id } })).toBe(1);
  });

  it("follows the guide to another store without changing the code", async () => {
    const id = await newGuide("lumi.bj01.guide");
    const before = await guideSceneCode(id);
    const staff = await db.staff.findUniqueOrThrow({ where: { id } });
    const other = await db.store.findFirstOrThrow({ where: { brandId: staff.brandId!, code: "BJ02" } });
    await db.staff.update({ where: { id }, data: { storeId: other.id } });
    expect(await guideSceneCode(id)).toBe(before);
    expect((await db.qrScene.findUniqueOrThrow({ where: { id: guideSceneId(id) } })).storeId).toBe(other.id);
  });

  it("staff without a store (brand admin) have none", async () => {
    const id = await staffId("lumi.admin");
    await expect(guideSceneCode(id)).rejects.toBeInstanceOf(GuideSceneRefused);
    expect(await db.qrScene.count({ where: { kind: "GUIDE", targetId: id } })).toBe(0);
  });
});
