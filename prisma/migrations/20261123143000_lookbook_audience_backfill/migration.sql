-- Issue 6: a guide's lookbook is a catalog whose audience is its recipients (one MEMBER rule each), so the
-- member's view asks the same audience check as a DM catalog. Lookbooks sent before this get their rules here.
INSERT INTO "CatalogAudience" ("id", "lookbookId", "kind", "value")
SELECT 'aud' || lower(hex(randomblob(12))), r."lookbookId", 'MEMBER', r."memberId"
FROM "LookbookRecipient" r
WHERE NOT EXISTS (
  SELECT 1 FROM "CatalogAudience" a WHERE a."lookbookId" = r."lookbookId" AND a."kind" = 'MEMBER' AND a."value" = r."memberId"
);
