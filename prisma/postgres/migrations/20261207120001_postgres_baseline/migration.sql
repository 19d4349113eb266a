-- CreateEnum
CREATE TYPE "StoreKind" AS ENUM ('DIRECT', 'FRANCHISE', 'WAREHOUSE');

-- CreateEnum
CREATE TYPE "MemberTier" AS ENUM ('NORMAL', 'VIP', 'SVIP');

-- CreateEnum
CREATE TYPE "StaffRole" AS ENUM ('ADMIN', 'BRAND_ADMIN', 'STORE_MANAGER', 'GUIDE');

-- CreateEnum
CREATE TYPE "SceneKind" AS ENUM ('PRODUCT', 'STORE', 'GUIDE', 'CATALOG');

-- CreateEnum
CREATE TYPE "StockReason" AS ENUM ('SEED', 'RECEIVE', 'ADJUST', 'RESERVE', 'RELEASE', 'SELL', 'TRANSFER_OUT', 'TRANSFER_IN', 'ERP_SET', 'ERP_MOVE', 'RETURN');

-- CreateEnum
CREATE TYPE "Fulfilment" AS ENUM ('PICKUP', 'DELIVERY', 'COUNTER');

-- CreateEnum
CREATE TYPE "OrderStatus" AS ENUM ('PLACED', 'AWAITING_CASHIER', 'PAID', 'READY_FOR_PICKUP', 'SHIPPED', 'COMPLETED', 'CANCELLED', 'REFUNDED', 'PARTIALLY_REFUNDED');

-- CreateEnum
CREATE TYPE "PaymentMethod" AS ENUM ('ONLINE', 'MALL_CASHIER');

-- CreateEnum
CREATE TYPE "PaymentStatus" AS ENUM ('PENDING', 'SUCCEEDED', 'CLOSED');

-- CreateEnum
CREATE TYPE "RefundStatus" AS ENUM ('PENDING', 'SUCCEEDED', 'FAILED');

-- CreateEnum
CREATE TYPE "BindingMode" AS ENUM ('FIRST_TOUCH', 'LAST_TOUCH', 'WINDOW');

-- CreateEnum
CREATE TYPE "BindingSource" AS ENUM ('QR', 'SHARE_LINK', 'COUNTER', 'REASSIGNED');

-- CreateEnum
CREATE TYPE "TransferStatus" AS ENUM ('REQUESTED', 'APPROVED', 'SHIPPED', 'RECEIVED', 'REFUSED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "CommissionKind" AS ENUM ('EARN', 'REVERSAL', 'PAYOUT');

-- CreateEnum
CREATE TYPE "CommissionStatus" AS ENUM ('PENDING', 'SETTLED');

-- CreateEnum
CREATE TYPE "CatalogKind" AS ENUM ('LOOKBOOK', 'DM');

-- CreateEnum
CREATE TYPE "CatalogStatus" AS ENUM ('DRAFT', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "AudienceKind" AS ENUM ('TIER', 'TAG', 'MEMBER', 'STORE');

-- CreateEnum
CREATE TYPE "ImportKind" AS ENUM ('PRODUCTS', 'PRICES', 'STOCK');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('VALIDATING', 'INVALID', 'READY', 'APPLYING', 'APPLIED', 'FAILED', 'HELD');

-- CreateEnum
CREATE TYPE "StockFeedSource" AS ENUM ('ERP', 'IMPORT');

-- CreateEnum
CREATE TYPE "StockFeedHoldStatus" AS ENUM ('HELD', 'CONFIRMED', 'REJECTED');

-- CreateEnum
CREATE TYPE "HoldStatus" AS ENUM ('ACTIVE', 'RELEASED', 'EXPIRED');

-- CreateTable
CREATE TABLE "Brand" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "tagline" TEXT NOT NULL DEFAULT '',
    "colorPrimary" TEXT NOT NULL,
    "colorAccent" TEXT NOT NULL,
    "colorInk" TEXT NOT NULL DEFAULT '#111111',
    "logoUrl" TEXT NOT NULL,
    "shipFromDirect" BOOLEAN NOT NULL DEFAULT true,
    "shipFromFranchise" BOOLEAN NOT NULL DEFAULT true,
    "deliveryFeeFen" INTEGER NOT NULL DEFAULT 1000,
    "freeDeliveryFromFen" INTEGER NOT NULL DEFAULT 29900,
    "bindingMode" "BindingMode" NOT NULL DEFAULT 'LAST_TOUCH',
    "bindingWindowDays" INTEGER NOT NULL DEFAULT 30,
    "bindingProtectionDays" INTEGER NOT NULL DEFAULT 7,
    "guideRateBps" INTEGER NOT NULL DEFAULT 300,
    "referralL1RateBps" INTEGER NOT NULL DEFAULT 200,
    "referralL2RateBps" INTEGER NOT NULL DEFAULT 100,
    "commissionFreezeDays" INTEGER NOT NULL DEFAULT 7,
    "commissionCapFen" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Brand_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Store" (
    "id" TEXT NOT NULL,
    "brandId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "StoreKind" NOT NULL,
    "city" TEXT NOT NULL,
    "district" TEXT NOT NULL DEFAULT '',
    "address" TEXT NOT NULL,
    "mallName" TEXT NOT NULL DEFAULT '',
    "phone" TEXT NOT NULL DEFAULT '',
    "lat" DOUBLE PRECISION NOT NULL,
    "lng" DOUBLE PRECISION NOT NULL,
    "opensAt" INTEGER NOT NULL,
    "closesAt" INTEGER NOT NULL,
    "pickupEnabled" BOOLEAN NOT NULL DEFAULT true,
    "deliveryEnabled" BOOLEAN NOT NULL DEFAULT true,
    "safetyStock" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Store_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Category" (
    "id" TEXT NOT NULL,
    "brandId" TEXT NOT NULL,
    "parentId" TEXT,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "sort" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Category_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Product" (
    "id" TEXT NOT NULL,
    "brandId" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "styleCode" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "priceFen" INTEGER NOT NULL,
    "listPriceFen" INTEGER,
    "season" TEXT NOT NULL DEFAULT '',
    "launchedAt" TIMESTAMP(3) NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Product_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProductImage" (
    "id" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "colorCode" TEXT,
    "url" TEXT NOT NULL,
    "alt" TEXT NOT NULL DEFAULT '',
    "sort" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ProductImage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Sku" (
    "id" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "gtin" TEXT NOT NULL,
    "colorCode" TEXT NOT NULL,
    "colorName" TEXT NOT NULL,
    "colorHex" TEXT NOT NULL,
    "size" TEXT NOT NULL,
    "sizeOrder" INTEGER NOT NULL,
    "priceFen" INTEGER,

    CONSTRAINT "Sku_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Inventory" (
    "id" TEXT NOT NULL,
    "storeId" TEXT NOT NULL,
    "skuId" TEXT NOT NULL,
    "onHand" INTEGER NOT NULL DEFAULT 0,
    "reserved" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "lastCountAt" TIMESTAMP(3),
    "lastCountOnHand" INTEGER,

    CONSTRAINT "Inventory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StockLedger" (
    "id" TEXT NOT NULL,
    "storeId" TEXT NOT NULL,
    "skuId" TEXT NOT NULL,
    "reason" "StockReason" NOT NULL,
    "onHandDelta" INTEGER NOT NULL,
    "reservedDelta" INTEGER NOT NULL,
    "onHandAfter" INTEGER NOT NULL,
    "reservedAfter" INTEGER NOT NULL,
    "actor" TEXT NOT NULL,
    "reference" TEXT NOT NULL DEFAULT '',
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StockLedger_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Member" (
    "id" TEXT NOT NULL,
    "phone" TEXT,
    "unionId" TEXT,
    "nickname" TEXT NOT NULL DEFAULT '',
    "avatarUrl" TEXT NOT NULL DEFAULT '',
    "sessionsRevokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MemberSearchKey" (
    "key" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,

    CONSTRAINT "MemberSearchKey_pkey" PRIMARY KEY ("key","memberId")
);

-- CreateTable
CREATE TABLE "MemberBrand" (
    "id" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "brandId" TEXT NOT NULL,
    "tier" "MemberTier" NOT NULL DEFAULT 'NORMAL',
    "points" INTEGER NOT NULL DEFAULT 0,
    "joinedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "referrerId" TEXT,
    "referrerL2Id" TEXT,
    "referralCode" TEXT,

    CONSTRAINT "MemberBrand_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MemberTag" (
    "id" TEXT NOT NULL,
    "memberBrandId" TEXT NOT NULL,
    "brandId" TEXT NOT NULL,
    "tag" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MemberTag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Favourite" (
    "id" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "skuId" TEXT,
    "storeId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Favourite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QrScene" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "brandId" TEXT NOT NULL,
    "kind" "SceneKind" NOT NULL,
    "productId" TEXT,
    "storeId" TEXT,
    "targetId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QrScene_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SceneScan" (
    "id" TEXT NOT NULL,
    "sceneId" TEXT NOT NULL,
    "inWechat" BOOLEAN NOT NULL,
    "userAgent" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SceneScan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WechatIdentity" (
    "id" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "appId" TEXT NOT NULL,
    "openId" TEXT NOT NULL,
    "unionId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WechatIdentity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Staff" (
    "id" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "phone" TEXT,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "StaffRole" NOT NULL,
    "brandId" TEXT,
    "storeId" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sessionsRevokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Staff_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OtpChallenge" (
    "id" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "consumedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OtpChallenge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimitBucket" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RateLimitBucket_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "target" TEXT NOT NULL DEFAULT '',
    "ip" TEXT NOT NULL DEFAULT '',
    "detail" TEXT NOT NULL DEFAULT '',
    "brandId" TEXT,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CartLine" (
    "id" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "brandId" TEXT NOT NULL,
    "skuId" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CartLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Order" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "brandId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "fulfilment" "Fulfilment" NOT NULL,
    "status" "OrderStatus" NOT NULL,
    "paymentMethod" "PaymentMethod" NOT NULL,
    "storeId" TEXT,
    "sceneCode" TEXT,
    "guideId" TEXT,
    "itemsFen" INTEGER NOT NULL,
    "deliveryFen" INTEGER NOT NULL DEFAULT 0,
    "totalFen" INTEGER NOT NULL,
    "refundedFen" INTEGER NOT NULL DEFAULT 0,
    "contactName" TEXT NOT NULL DEFAULT '',
    "contactPhone" TEXT NOT NULL DEFAULT '',
    "address" TEXT NOT NULL DEFAULT '',
    "deliveryLat" DOUBLE PRECISION,
    "deliveryLng" DOUBLE PRECISION,
    "idempotencyKey" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "payBy" TIMESTAMP(3),
    "pickupCodeHash" TEXT,
    "pickupExpiresAt" TIMESTAMP(3),
    "mallReceiptNo" TEXT,
    "paidAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Order_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrderLine" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "skuId" TEXT NOT NULL,
    "storeId" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unitPriceFen" INTEGER NOT NULL,
    "soldQty" INTEGER NOT NULL DEFAULT 0,
    "releasedQty" INTEGER NOT NULL DEFAULT 0,
    "refundedQty" INTEGER NOT NULL DEFAULT 0,
    "styleCode" TEXT NOT NULL,
    "productName" TEXT NOT NULL,
    "colorName" TEXT NOT NULL,
    "size" TEXT NOT NULL,

    CONSTRAINT "OrderLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrderEvent" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "fromStatus" "OrderStatus",
    "toStatus" "OrderStatus" NOT NULL,
    "actor" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrderEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Payment" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "outTradeNo" TEXT NOT NULL,
    "amountFen" INTEGER NOT NULL,
    "status" "PaymentStatus" NOT NULL DEFAULT 'PENDING',
    "transactionId" TEXT,
    "paidAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PaymentNotification" (
    "id" TEXT NOT NULL,
    "outTradeNo" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PaymentNotification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Refund" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "outRefundNo" TEXT NOT NULL,
    "amountFen" INTEGER NOT NULL,
    "status" "RefundStatus" NOT NULL DEFAULT 'PENDING',
    "storeId" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "providerRefundId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Refund_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RefundLine" (
    "id" TEXT NOT NULL,
    "refundId" TEXT NOT NULL,
    "orderLineId" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "amountFen" INTEGER NOT NULL,

    CONSTRAINT "RefundLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TryOnHold" (
    "id" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "brandId" TEXT NOT NULL,
    "storeId" TEXT NOT NULL,
    "skuId" TEXT NOT NULL,
    "status" "HoldStatus" NOT NULL DEFAULT 'ACTIVE',
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TryOnHold_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GuideBinding" (
    "id" TEXT NOT NULL,
    "brandId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "guideId" TEXT NOT NULL,
    "source" "BindingSource" NOT NULL,
    "boundAt" TIMESTAMP(3) NOT NULL,
    "lastTouchAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),
    "endedReason" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "GuideBinding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Transfer" (
    "id" TEXT NOT NULL,
    "brandId" TEXT NOT NULL,
    "skuId" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "fromStoreId" TEXT NOT NULL,
    "toStoreId" TEXT NOT NULL,
    "memberId" TEXT,
    "requestedById" TEXT NOT NULL,
    "status" "TransferStatus" NOT NULL DEFAULT 'REQUESTED',
    "note" TEXT NOT NULL DEFAULT '',
    "approvedById" TEXT,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "approvedAt" TIMESTAMP(3),
    "shippedAt" TIMESTAMP(3),
    "receivedAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "Transfer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommissionEntry" (
    "id" TEXT NOT NULL,
    "brandId" TEXT NOT NULL,
    "staffId" TEXT,
    "memberId" TEXT,
    "orderId" TEXT,
    "level" INTEGER NOT NULL DEFAULT 0,
    "kind" "CommissionKind" NOT NULL,
    "amountFen" INTEGER NOT NULL,
    "baseFen" INTEGER,
    "status" "CommissionStatus" NOT NULL,
    "availableAt" TIMESTAMP(3),
    "settledAt" TIMESTAMP(3),
    "payoutId" TEXT,
    "dedupeKey" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CommissionEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Lookbook" (
    "id" TEXT NOT NULL,
    "brandId" TEXT NOT NULL,
    "kind" "CatalogKind" NOT NULL DEFAULT 'LOOKBOOK',
    "authorId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "coverUrl" TEXT NOT NULL DEFAULT '',
    "status" "CatalogStatus" NOT NULL DEFAULT 'PUBLISHED',
    "startsAt" TIMESTAMP(3),
    "endsAt" TIMESTAMP(3),
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Lookbook_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CatalogAudience" (
    "id" TEXT NOT NULL,
    "lookbookId" TEXT NOT NULL,
    "kind" "AudienceKind" NOT NULL,
    "value" TEXT NOT NULL,

    CONSTRAINT "CatalogAudience_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LookbookItem" (
    "id" TEXT NOT NULL,
    "lookbookId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "sort" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "LookbookItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LookbookRecipient" (
    "id" TEXT NOT NULL,
    "lookbookId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "openedAt" TIMESTAMP(3),

    CONSTRAINT "LookbookRecipient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InboxMessage" (
    "id" TEXT NOT NULL,
    "brandId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "link" TEXT NOT NULL,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PointsEntry" (
    "id" TEXT NOT NULL,
    "memberBrandId" TEXT NOT NULL,
    "delta" INTEGER NOT NULL,
    "balanceAfter" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PointsEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportJob" (
    "id" TEXT NOT NULL,
    "brandId" TEXT NOT NULL,
    "kind" "ImportKind" NOT NULL,
    "status" "ImportStatus" NOT NULL DEFAULT 'VALIDATING',
    "fileName" TEXT NOT NULL,
    "fileSha256" TEXT NOT NULL,
    "totalRows" INTEGER NOT NULL DEFAULT 0,
    "appliedRows" INTEGER NOT NULL DEFAULT 0,
    "errorCount" INTEGER NOT NULL DEFAULT 0,
    "errors" TEXT NOT NULL DEFAULT '[]',
    "actor" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ImportJob_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportRow" (
    "jobId" TEXT NOT NULL,
    "rowNo" INTEGER NOT NULL,
    "storeId" TEXT,
    "skuId" TEXT,
    "quantity" INTEGER,
    "priceFen" INTEGER,
    "payload" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "ImportRow_pkey" PRIMARY KEY ("jobId","rowNo")
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL,
    "brandId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "rateLimit" INTEGER NOT NULL DEFAULT 600,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StockFeedHold" (
    "id" TEXT NOT NULL,
    "brandId" TEXT NOT NULL,
    "source" "StockFeedSource" NOT NULL,
    "status" "StockFeedHoldStatus" NOT NULL DEFAULT 'HELD',
    "actor" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL DEFAULT '',
    "importJobId" TEXT,
    "counts" TEXT NOT NULL DEFAULT '[]',
    "rows" INTEGER NOT NULL,
    "stores" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),
    "decidedBy" TEXT,

    CONSTRAINT "StockFeedHold_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ErpReceipt" (
    "id" TEXT NOT NULL,
    "brandId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "response" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ErpReceipt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Brand_slug_key" ON "Brand"("slug");

-- CreateIndex
CREATE INDEX "Store_brandId_city_idx" ON "Store"("brandId", "city");

-- CreateIndex
CREATE UNIQUE INDEX "Store_brandId_code_key" ON "Store"("brandId", "code");

-- CreateIndex
CREATE INDEX "Category_parentId_idx" ON "Category"("parentId");

-- CreateIndex
CREATE UNIQUE INDEX "Category_brandId_slug_key" ON "Category"("brandId", "slug");

-- CreateIndex
CREATE INDEX "Product_brandId_categoryId_active_idx" ON "Product"("brandId", "categoryId", "active");

-- CreateIndex
CREATE INDEX "Product_brandId_launchedAt_idx" ON "Product"("brandId", "launchedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Product_brandId_styleCode_key" ON "Product"("brandId", "styleCode");

-- CreateIndex
CREATE INDEX "ProductImage_productId_sort_idx" ON "ProductImage"("productId", "sort");

-- CreateIndex
CREATE UNIQUE INDEX "Sku_gtin_key" ON "Sku"("gtin");

-- CreateIndex
CREATE UNIQUE INDEX "Sku_productId_colorCode_size_key" ON "Sku"("productId", "colorCode", "size");

-- CreateIndex
CREATE INDEX "Inventory_skuId_idx" ON "Inventory"("skuId");

-- CreateIndex
CREATE UNIQUE INDEX "Inventory_storeId_skuId_key" ON "Inventory"("storeId", "skuId");

-- CreateIndex
CREATE INDEX "StockLedger_storeId_skuId_createdAt_idx" ON "StockLedger"("storeId", "skuId", "createdAt");

-- CreateIndex
CREATE INDEX "StockLedger_createdAt_idx" ON "StockLedger"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Member_phone_key" ON "Member"("phone");

-- CreateIndex
CREATE UNIQUE INDEX "Member_unionId_key" ON "Member"("unionId");

-- CreateIndex
CREATE INDEX "MemberSearchKey_memberId_idx" ON "MemberSearchKey"("memberId");

-- CreateIndex
CREATE UNIQUE INDEX "MemberBrand_referralCode_key" ON "MemberBrand"("referralCode");

-- CreateIndex
CREATE INDEX "MemberBrand_brandId_referrerId_idx" ON "MemberBrand"("brandId", "referrerId");

-- CreateIndex
CREATE INDEX "MemberBrand_brandId_joinedAt_idx" ON "MemberBrand"("brandId", "joinedAt");

-- CreateIndex
CREATE INDEX "MemberBrand_brandId_points_idx" ON "MemberBrand"("brandId", "points");

-- CreateIndex
CREATE UNIQUE INDEX "MemberBrand_memberId_brandId_key" ON "MemberBrand"("memberId", "brandId");

-- CreateIndex
CREATE INDEX "MemberTag_tag_idx" ON "MemberTag"("tag");

-- CreateIndex
CREATE INDEX "MemberTag_brandId_tag_idx" ON "MemberTag"("brandId", "tag");

-- CreateIndex
CREATE UNIQUE INDEX "MemberTag_memberBrandId_tag_key" ON "MemberTag"("memberBrandId", "tag");

-- CreateIndex
CREATE INDEX "Favourite_createdAt_idx" ON "Favourite"("createdAt");

-- CreateIndex
CREATE INDEX "Favourite_storeId_createdAt_idx" ON "Favourite"("storeId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Favourite_memberId_productId_key" ON "Favourite"("memberId", "productId");

-- CreateIndex
CREATE UNIQUE INDEX "QrScene_code_key" ON "QrScene"("code");

-- CreateIndex
CREATE INDEX "QrScene_brandId_kind_idx" ON "QrScene"("brandId", "kind");

-- CreateIndex
CREATE INDEX "QrScene_productId_idx" ON "QrScene"("productId");

-- CreateIndex
CREATE INDEX "QrScene_storeId_idx" ON "QrScene"("storeId");

-- CreateIndex
CREATE INDEX "SceneScan_sceneId_createdAt_idx" ON "SceneScan"("sceneId", "createdAt");

-- CreateIndex
CREATE INDEX "WechatIdentity_unionId_idx" ON "WechatIdentity"("unionId");

-- CreateIndex
CREATE INDEX "WechatIdentity_memberId_idx" ON "WechatIdentity"("memberId");

-- CreateIndex
CREATE UNIQUE INDEX "WechatIdentity_appId_openId_key" ON "WechatIdentity"("appId", "openId");

-- CreateIndex
CREATE UNIQUE INDEX "Staff_username_key" ON "Staff"("username");

-- CreateIndex
CREATE UNIQUE INDEX "Staff_phone_key" ON "Staff"("phone");

-- CreateIndex
CREATE INDEX "Staff_brandId_role_idx" ON "Staff"("brandId", "role");

-- CreateIndex
CREATE INDEX "Staff_storeId_idx" ON "Staff"("storeId");

-- CreateIndex
CREATE INDEX "OtpChallenge_phone_createdAt_idx" ON "OtpChallenge"("phone", "createdAt");

-- CreateIndex
CREATE INDEX "RateLimitBucket_expiresAt_idx" ON "RateLimitBucket"("expiresAt");

-- CreateIndex
CREATE INDEX "AuditLog_createdAt_idx" ON "AuditLog"("createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_actor_createdAt_idx" ON "AuditLog"("actor", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_action_createdAt_idx" ON "AuditLog"("action", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_brandId_createdAt_idx" ON "AuditLog"("brandId", "createdAt");

-- CreateIndex
CREATE INDEX "CartLine_memberId_brandId_idx" ON "CartLine"("memberId", "brandId");

-- CreateIndex
CREATE UNIQUE INDEX "CartLine_memberId_skuId_key" ON "CartLine"("memberId", "skuId");

-- CreateIndex
CREATE UNIQUE INDEX "Order_number_key" ON "Order"("number");

-- CreateIndex
CREATE UNIQUE INDEX "Order_pickupCodeHash_key" ON "Order"("pickupCodeHash");

-- CreateIndex
CREATE INDEX "Order_memberId_createdAt_idx" ON "Order"("memberId", "createdAt");

-- CreateIndex
CREATE INDEX "Order_brandId_status_createdAt_idx" ON "Order"("brandId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "Order_brandId_createdAt_idx" ON "Order"("brandId", "createdAt");

-- CreateIndex
CREATE INDEX "Order_brandId_updatedAt_id_idx" ON "Order"("brandId", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "Order_storeId_status_idx" ON "Order"("storeId", "status");

-- CreateIndex
CREATE INDEX "Order_status_payBy_idx" ON "Order"("status", "payBy");

-- CreateIndex
CREATE INDEX "Order_status_pickupExpiresAt_idx" ON "Order"("status", "pickupExpiresAt");

-- CreateIndex
CREATE INDEX "Order_status_updatedAt_idx" ON "Order"("status", "updatedAt");

-- CreateIndex
CREATE INDEX "Order_guideId_createdAt_idx" ON "Order"("guideId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Order_memberId_idempotencyKey_key" ON "Order"("memberId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "OrderLine_orderId_idx" ON "OrderLine"("orderId");

-- CreateIndex
CREATE INDEX "OrderLine_storeId_orderId_idx" ON "OrderLine"("storeId", "orderId");

-- CreateIndex
CREATE INDEX "OrderLine_storeId_releasedQty_soldQty_idx" ON "OrderLine"("storeId", "releasedQty", "soldQty");

-- CreateIndex
CREATE INDEX "OrderEvent_orderId_createdAt_idx" ON "OrderEvent"("orderId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_outTradeNo_key" ON "Payment"("outTradeNo");

-- CreateIndex
CREATE INDEX "Payment_orderId_idx" ON "Payment"("orderId");

-- CreateIndex
CREATE INDEX "PaymentNotification_outTradeNo_idx" ON "PaymentNotification"("outTradeNo");

-- CreateIndex
CREATE UNIQUE INDEX "Refund_outRefundNo_key" ON "Refund"("outRefundNo");

-- CreateIndex
CREATE INDEX "Refund_orderId_idx" ON "Refund"("orderId");

-- CreateIndex
CREATE INDEX "Refund_status_idx" ON "Refund"("status");

-- CreateIndex
CREATE INDEX "RefundLine_refundId_idx" ON "RefundLine"("refundId");

-- CreateIndex
CREATE INDEX "RefundLine_orderLineId_idx" ON "RefundLine"("orderLineId");

-- CreateIndex
CREATE INDEX "TryOnHold_memberId_status_idx" ON "TryOnHold"("memberId", "status");

-- CreateIndex
CREATE INDEX "TryOnHold_storeId_status_idx" ON "TryOnHold"("storeId", "status");

-- CreateIndex
CREATE INDEX "TryOnHold_status_expiresAt_idx" ON "TryOnHold"("status", "expiresAt");

-- CreateIndex
CREATE INDEX "GuideBinding_brandId_memberId_endedAt_idx" ON "GuideBinding"("brandId", "memberId", "endedAt");

-- CreateIndex
CREATE INDEX "GuideBinding_guideId_endedAt_idx" ON "GuideBinding"("guideId", "endedAt");

-- CreateIndex
CREATE INDEX "Transfer_brandId_requestedAt_idx" ON "Transfer"("brandId", "requestedAt");

-- CreateIndex
CREATE INDEX "Transfer_fromStoreId_status_idx" ON "Transfer"("fromStoreId", "status");

-- CreateIndex
CREATE INDEX "Transfer_toStoreId_status_idx" ON "Transfer"("toStoreId", "status");

-- CreateIndex
CREATE INDEX "Transfer_memberId_idx" ON "Transfer"("memberId");

-- CreateIndex
CREATE UNIQUE INDEX "CommissionEntry_dedupeKey_key" ON "CommissionEntry"("dedupeKey");

-- CreateIndex
CREATE INDEX "CommissionEntry_orderId_idx" ON "CommissionEntry"("orderId");

-- CreateIndex
CREATE INDEX "CommissionEntry_staffId_createdAt_idx" ON "CommissionEntry"("staffId", "createdAt");

-- CreateIndex
CREATE INDEX "CommissionEntry_memberId_createdAt_idx" ON "CommissionEntry"("memberId", "createdAt");

-- CreateIndex
CREATE INDEX "CommissionEntry_status_availableAt_idx" ON "CommissionEntry"("status", "availableAt");

-- CreateIndex
CREATE INDEX "Lookbook_authorId_createdAt_idx" ON "Lookbook"("authorId", "createdAt");

-- CreateIndex
CREATE INDEX "Lookbook_brandId_kind_status_idx" ON "Lookbook"("brandId", "kind", "status");

-- CreateIndex
CREATE INDEX "CatalogAudience_kind_value_idx" ON "CatalogAudience"("kind", "value");

-- CreateIndex
CREATE UNIQUE INDEX "CatalogAudience_lookbookId_kind_value_key" ON "CatalogAudience"("lookbookId", "kind", "value");

-- CreateIndex
CREATE INDEX "LookbookItem_lookbookId_sort_idx" ON "LookbookItem"("lookbookId", "sort");

-- CreateIndex
CREATE INDEX "LookbookRecipient_memberId_idx" ON "LookbookRecipient"("memberId");

-- CreateIndex
CREATE UNIQUE INDEX "LookbookRecipient_lookbookId_memberId_key" ON "LookbookRecipient"("lookbookId", "memberId");

-- CreateIndex
CREATE INDEX "InboxMessage_memberId_createdAt_idx" ON "InboxMessage"("memberId", "createdAt");

-- CreateIndex
CREATE INDEX "PointsEntry_memberBrandId_createdAt_idx" ON "PointsEntry"("memberBrandId", "createdAt");

-- CreateIndex
CREATE INDEX "ImportJob_brandId_createdAt_idx" ON "ImportJob"("brandId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_prefix_key" ON "ApiKey"("prefix");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_secretHash_key" ON "ApiKey"("secretHash");

-- CreateIndex
CREATE INDEX "ApiKey_brandId_createdAt_idx" ON "ApiKey"("brandId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "StockFeedHold_importJobId_key" ON "StockFeedHold"("importJobId");

-- CreateIndex
CREATE INDEX "StockFeedHold_brandId_status_createdAt_idx" ON "StockFeedHold"("brandId", "status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ErpReceipt_brandId_key_key" ON "ErpReceipt"("brandId", "key");

-- AddForeignKey
ALTER TABLE "Store" ADD CONSTRAINT "Store_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Category" ADD CONSTRAINT "Category_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Category" ADD CONSTRAINT "Category_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Category"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Product" ADD CONSTRAINT "Product_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Product" ADD CONSTRAINT "Product_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProductImage" ADD CONSTRAINT "ProductImage_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Sku" ADD CONSTRAINT "Sku_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inventory" ADD CONSTRAINT "Inventory_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inventory" ADD CONSTRAINT "Inventory_skuId_fkey" FOREIGN KEY ("skuId") REFERENCES "Sku"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StockLedger" ADD CONSTRAINT "StockLedger_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StockLedger" ADD CONSTRAINT "StockLedger_skuId_fkey" FOREIGN KEY ("skuId") REFERENCES "Sku"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MemberSearchKey" ADD CONSTRAINT "MemberSearchKey_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MemberBrand" ADD CONSTRAINT "MemberBrand_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MemberBrand" ADD CONSTRAINT "MemberBrand_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MemberTag" ADD CONSTRAINT "MemberTag_memberBrandId_fkey" FOREIGN KEY ("memberBrandId") REFERENCES "MemberBrand"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Favourite" ADD CONSTRAINT "Favourite_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Favourite" ADD CONSTRAINT "Favourite_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Favourite" ADD CONSTRAINT "Favourite_skuId_fkey" FOREIGN KEY ("skuId") REFERENCES "Sku"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Favourite" ADD CONSTRAINT "Favourite_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QrScene" ADD CONSTRAINT "QrScene_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QrScene" ADD CONSTRAINT "QrScene_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QrScene" ADD CONSTRAINT "QrScene_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SceneScan" ADD CONSTRAINT "SceneScan_sceneId_fkey" FOREIGN KEY ("sceneId") REFERENCES "QrScene"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WechatIdentity" ADD CONSTRAINT "WechatIdentity_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Staff" ADD CONSTRAINT "Staff_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Staff" ADD CONSTRAINT "Staff_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CartLine" ADD CONSTRAINT "CartLine_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CartLine" ADD CONSTRAINT "CartLine_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CartLine" ADD CONSTRAINT "CartLine_skuId_fkey" FOREIGN KEY ("skuId") REFERENCES "Sku"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_guideId_fkey" FOREIGN KEY ("guideId") REFERENCES "Staff"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_skuId_fkey" FOREIGN KEY ("skuId") REFERENCES "Sku"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderEvent" ADD CONSTRAINT "OrderEvent_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RefundLine" ADD CONSTRAINT "RefundLine_refundId_fkey" FOREIGN KEY ("refundId") REFERENCES "Refund"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RefundLine" ADD CONSTRAINT "RefundLine_orderLineId_fkey" FOREIGN KEY ("orderLineId") REFERENCES "OrderLine"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TryOnHold" ADD CONSTRAINT "TryOnHold_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TryOnHold" ADD CONSTRAINT "TryOnHold_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TryOnHold" ADD CONSTRAINT "TryOnHold_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TryOnHold" ADD CONSTRAINT "TryOnHold_skuId_fkey" FOREIGN KEY ("skuId") REFERENCES "Sku"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GuideBinding" ADD CONSTRAINT "GuideBinding_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GuideBinding" ADD CONSTRAINT "GuideBinding_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GuideBinding" ADD CONSTRAINT "GuideBinding_guideId_fkey" FOREIGN KEY ("guideId") REFERENCES "Staff"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_skuId_fkey" FOREIGN KEY ("skuId") REFERENCES "Sku"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_fromStoreId_fkey" FOREIGN KEY ("fromStoreId") REFERENCES "Store"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_toStoreId_fkey" FOREIGN KEY ("toStoreId") REFERENCES "Store"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "Staff"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommissionEntry" ADD CONSTRAINT "CommissionEntry_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommissionEntry" ADD CONSTRAINT "CommissionEntry_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "Staff"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommissionEntry" ADD CONSTRAINT "CommissionEntry_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommissionEntry" ADD CONSTRAINT "CommissionEntry_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lookbook" ADD CONSTRAINT "Lookbook_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lookbook" ADD CONSTRAINT "Lookbook_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Staff"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CatalogAudience" ADD CONSTRAINT "CatalogAudience_lookbookId_fkey" FOREIGN KEY ("lookbookId") REFERENCES "Lookbook"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LookbookItem" ADD CONSTRAINT "LookbookItem_lookbookId_fkey" FOREIGN KEY ("lookbookId") REFERENCES "Lookbook"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LookbookRecipient" ADD CONSTRAINT "LookbookRecipient_lookbookId_fkey" FOREIGN KEY ("lookbookId") REFERENCES "Lookbook"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LookbookRecipient" ADD CONSTRAINT "LookbookRecipient_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InboxMessage" ADD CONSTRAINT "InboxMessage_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InboxMessage" ADD CONSTRAINT "InboxMessage_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PointsEntry" ADD CONSTRAINT "PointsEntry_memberBrandId_fkey" FOREIGN KEY ("memberBrandId") REFERENCES "MemberBrand"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportJob" ADD CONSTRAINT "ImportJob_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportRow" ADD CONSTRAINT "ImportRow_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "ImportJob"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StockFeedHold" ADD CONSTRAINT "StockFeedHold_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ErpReceipt" ADD CONSTRAINT "ErpReceipt_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written in the SQLite migrations (decision 003), translated by scripts/pg-schema.mjs
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_1_check" CHECK ("rateLimit" > 0);
ALTER TABLE "Brand" ADD CONSTRAINT "Brand_bindingMode_check" CHECK ("bindingMode" IN ('FIRST_TOUCH', 'LAST_TOUCH', 'WINDOW'));
ALTER TABLE "Brand" ADD CONSTRAINT "Brand_bindingProtectionDays_check" CHECK ("bindingProtectionDays" BETWEEN 0 AND 365);
ALTER TABLE "Brand" ADD CONSTRAINT "Brand_bindingWindowDays_check" CHECK ("bindingWindowDays" BETWEEN 1 AND 365);
ALTER TABLE "Brand" ADD CONSTRAINT "Brand_commissionCapFen_check" CHECK ("commissionCapFen" >= 0);
ALTER TABLE "Brand" ADD CONSTRAINT "Brand_commissionFreezeDays_check" CHECK ("commissionFreezeDays" BETWEEN 0 AND 365);
ALTER TABLE "Brand" ADD CONSTRAINT "Brand_deliveryFeeFen_check" CHECK ("deliveryFeeFen" >= 0);
ALTER TABLE "Brand" ADD CONSTRAINT "Brand_freeDeliveryFromFen_check" CHECK ("freeDeliveryFromFen" >= 0);
ALTER TABLE "Brand" ADD CONSTRAINT "Brand_guideRateBps_check" CHECK ("guideRateBps" BETWEEN 0 AND 10000);
ALTER TABLE "Brand" ADD CONSTRAINT "Brand_referralL1RateBps_check" CHECK ("referralL1RateBps" BETWEEN 0 AND 10000);
ALTER TABLE "Brand" ADD CONSTRAINT "Brand_referralL2RateBps_check" CHECK ("referralL2RateBps" BETWEEN 0 AND 10000);
ALTER TABLE "CartLine" ADD CONSTRAINT "CartLine_1_check" CHECK ("quantity" BETWEEN 1 AND 99);
ALTER TABLE "CommissionEntry" ADD CONSTRAINT "CommissionEntry_1_check" CHECK (("staffId" IS NULL) <> ("memberId" IS NULL));
ALTER TABLE "CommissionEntry" ADD CONSTRAINT "CommissionEntry_2_check" CHECK ("level" BETWEEN 0 AND 2);
ALTER TABLE "CommissionEntry" ADD CONSTRAINT "CommissionEntry_3_check" CHECK (("kind" = 'EARN' AND "amountFen" >= 0) OR ("kind" <> 'EARN' AND "amountFen" <= 0));
ALTER TABLE "CommissionEntry" ADD CONSTRAINT "CommissionEntry_baseFen_check" CHECK ("baseFen" IS NULL OR "baseFen" >= 0);
ALTER TABLE "ImportJob" ADD CONSTRAINT "ImportJob_1_check" CHECK ("appliedRows" >= 0 AND "appliedRows" <= "totalRows" AND "errorCount" >= 0);
ALTER TABLE "Inventory" ADD CONSTRAINT "Inventory_onHand_check" CHECK ("onHand" >= 0);
ALTER TABLE "Inventory" ADD CONSTRAINT "Inventory_reserved_check" CHECK ("reserved" >= 0 AND "reserved" <= "onHand");
ALTER TABLE "Lookbook" ADD CONSTRAINT "Lookbook_1_check" CHECK ("endsAt" IS NULL OR "startsAt" IS NULL OR "endsAt" > "startsAt");
ALTER TABLE "MemberBrand" ADD CONSTRAINT "MemberBrand_points_check" CHECK ("points" >= 0);
ALTER TABLE "Order" ADD CONSTRAINT "Order_1_check" CHECK ("itemsFen" >= 0 AND "deliveryFen" >= 0 AND "totalFen" = "itemsFen" + "deliveryFen");
ALTER TABLE "Order" ADD CONSTRAINT "Order_2_check" CHECK ("refundedFen" BETWEEN 0 AND "totalFen");
ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_1_check" CHECK ("quantity" BETWEEN 1 AND 99 AND "unitPriceFen" >= 0);
ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_2_check" CHECK ("soldQty" >= 0 AND "releasedQty" >= 0 AND "soldQty" + "releasedQty" <= "quantity");
ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_3_check" CHECK ("refundedQty" BETWEEN 0 AND "soldQty");
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_1_check" CHECK ("amountFen" > 0);
ALTER TABLE "PointsEntry" ADD CONSTRAINT "PointsEntry_1_check" CHECK ("balanceAfter" >= 0 AND "delta" <> 0);
ALTER TABLE "Product" ADD CONSTRAINT "Product_price_check" CHECK ("priceFen" >= 0 AND ("listPriceFen" IS NULL OR "listPriceFen" >= "priceFen"));
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_1_check" CHECK ("amountFen" >= 0);
ALTER TABLE "RefundLine" ADD CONSTRAINT "RefundLine_1_check" CHECK ("quantity" > 0 AND "amountFen" >= 0);
ALTER TABLE "Sku" ADD CONSTRAINT "Sku_gtin_check" CHECK (length("gtin") = 13 AND "gtin" !~ '[^0-9]');
ALTER TABLE "Sku" ADD CONSTRAINT "Sku_price_check" CHECK ("priceFen" IS NULL OR "priceFen" >= 0);
ALTER TABLE "StockFeedHold" ADD CONSTRAINT "StockFeedHold_1_check" CHECK (("status" = 'HELD' AND "decidedAt" IS NULL AND "decidedBy" IS NULL) OR ("status" <> 'HELD' AND "decidedAt" IS NOT NULL AND "decidedBy" IS NOT NULL));
ALTER TABLE "StockLedger" ADD CONSTRAINT "StockLedger_after_check" CHECK ("onHandAfter" >= 0 AND "reservedAfter" >= 0 AND "reservedAfter" <= "onHandAfter");
ALTER TABLE "Store" ADD CONSTRAINT "Store_coords_check" CHECK ("lat" BETWEEN -90 AND 90 AND "lng" BETWEEN -180 AND 180);
ALTER TABLE "Store" ADD CONSTRAINT "Store_hours_check" CHECK ("opensAt" BETWEEN 0 AND 1440 AND "closesAt" > "opensAt" AND "closesAt" <= 2880);
ALTER TABLE "Store" ADD CONSTRAINT "Store_safety_check" CHECK ("safetyStock" >= 0);
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_1_check" CHECK ("quantity" BETWEEN 1 AND 99);
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_2_check" CHECK ("fromStoreId" <> "toStoreId");

CREATE UNIQUE INDEX "GuideBinding_open_key" ON "GuideBinding"("brandId", "memberId") WHERE "endedAt" IS NULL;
