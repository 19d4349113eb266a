-- Dashboards (lib/analytics): day-bucketed counts by brand and period, and by store for favourites.
-- (MemberBrand(brandId, joinedAt), Order(brandId, createdAt) and Transfer(brandId, requestedAt) come with 20261123142000_admin_people_stock.)
-- CreateIndex
CREATE INDEX "Favourite_createdAt_idx" ON "Favourite"("createdAt");

-- CreateIndex
CREATE INDEX "Favourite_storeId_createdAt_idx" ON "Favourite"("storeId", "createdAt");

