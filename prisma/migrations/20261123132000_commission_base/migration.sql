-- The goods amount an earning was taken of, so a later refund reverses the same proportion of it.
ALTER TABLE "CommissionEntry" ADD COLUMN "baseFen" INTEGER CHECK ("baseFen" IS NULL OR "baseFen" >= 0);
