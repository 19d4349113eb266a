-- The ERP order export pages through a brand's orders by (updatedAt, id): lib/erp/orders.ts.
CREATE INDEX "Order_brandId_updatedAt_id_idx" ON "Order"("brandId", "updatedAt", "id");
