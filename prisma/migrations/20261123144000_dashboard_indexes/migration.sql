-- Dashboards (lib/analytics): day-bucketed counts by brand and period, and by store for favourites.
-- CreateIndex
CREATE INDEX "MemberBrand_brandId_joinedAt_idx" ON "MemberBrand"("brandId", "joinedAt");

-- CreateIndex
CREATE INDEX "Favourite_createdAt_idx" ON "Favourite"("createdAt");

-- CreateIndex
CREATE INDEX "Favourite_storeId_createdAt_idx" ON "Favourite"("storeId", "createdAt");

-- CreateIndex
CREATE INDEX "Order_brandId_createdAt_idx" ON "Order"("brandId", "createdAt");

-- CreateIndex
CREATE INDEX "Transfer_brandId_requestedAt_idx" ON "Transfer"("brandId", "requestedAt");

