-- Chain scale (issue 7): indexes the sweeper and the guides' queue need at 300,000 orders, and the brand on
-- each member tag so the console lists a brand's tags without joining 40,000 rows.
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_MemberTag" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "memberBrandId" TEXT NOT NULL,
    "brandId" TEXT NOT NULL,
    "tag" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MemberTag_memberBrandId_fkey" FOREIGN KEY ("memberBrandId") REFERENCES "MemberBrand" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- brandId copied from the tag's member-brand row (the console's tag filter reads the (brandId, tag) index).
INSERT INTO "new_MemberTag" ("createdAt", "id", "memberBrandId", "brandId", "tag")
SELECT t."createdAt", t."id", t."memberBrandId", mb."brandId", t."tag" FROM "MemberTag" t JOIN "MemberBrand" mb ON mb."id" = t."memberBrandId";
DROP TABLE "MemberTag";
ALTER TABLE "new_MemberTag" RENAME TO "MemberTag";
CREATE INDEX "MemberTag_tag_idx" ON "MemberTag"("tag");
CREATE INDEX "MemberTag_brandId_tag_idx" ON "MemberTag"("brandId", "tag");
CREATE UNIQUE INDEX "MemberTag_memberBrandId_tag_key" ON "MemberTag"("memberBrandId", "tag");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Order_status_pickupExpiresAt_idx" ON "Order"("status", "pickupExpiresAt");

-- CreateIndex
CREATE INDEX "Order_status_updatedAt_idx" ON "Order"("status", "updatedAt");

-- CreateIndex
CREATE INDEX "OrderLine_storeId_releasedQty_soldQty_idx" ON "OrderLine"("storeId", "releasedQty", "soldQty");
