-- DropIndex
DROP INDEX "Course_status_deletedAt_category_publishedAt_id_idx";

-- DropIndex
DROP INDEX "Course_status_deletedAt_level_publishedAt_id_idx";

-- DropIndex
DROP INDEX "Course_status_deletedAt_publishedAt_id_idx";

-- DropIndex
DROP INDEX "Course_status_deletedAt_title_id_idx";

-- CreateIndex
CREATE INDEX "Course_status_publishedAt_id_idx" ON "Course"("status", "publishedAt" DESC, "id") WHERE ("deletedAt" IS NULL);

-- CreateIndex
CREATE INDEX "Course_status_category_publishedAt_id_idx" ON "Course"("status", "category", "publishedAt" DESC, "id") WHERE ("deletedAt" IS NULL);

-- CreateIndex
CREATE INDEX "Course_status_level_publishedAt_id_idx" ON "Course"("status", "level", "publishedAt" DESC, "id") WHERE ("deletedAt" IS NULL);

-- CreateIndex
CREATE INDEX "Course_status_title_id_idx" ON "Course"("status", "title", "id") WHERE ("deletedAt" IS NULL);
