-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateEnum
CREATE TYPE "EnrollmentSource" AS ENUM ('SELF', 'INSTRUCTOR');

-- AlterTable
ALTER TABLE "Course" ADD COLUMN     "publishedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Enrollment" (
    "id" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "source" "EnrollmentSource" NOT NULL DEFAULT 'SELF',
    "lastVideoId" TEXT,
    "lastActiveAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Enrollment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LessonProgress" (
    "enrollmentId" TEXT NOT NULL,
    "videoId" TEXT NOT NULL,
    "positionSeconds" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "furthestSeconds" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "completedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LessonProgress_pkey" PRIMARY KEY ("enrollmentId","videoId")
);

-- CreateIndex
CREATE INDEX "Enrollment_userId_lastActiveAt_idx" ON "Enrollment"("userId", "lastActiveAt" DESC);

-- CreateIndex
CREATE INDEX "Enrollment_courseId_createdAt_idx" ON "Enrollment"("courseId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Enrollment_courseId_userId_key" ON "Enrollment"("courseId", "userId");

-- CreateIndex
CREATE INDEX "LessonProgress_videoId_idx" ON "LessonProgress"("videoId");

-- CreateIndex
CREATE INDEX "Course_status_deletedAt_publishedAt_id_idx" ON "Course"("status", "deletedAt", "publishedAt" DESC, "id");

-- CreateIndex
CREATE INDEX "Course_status_deletedAt_category_publishedAt_id_idx" ON "Course"("status", "deletedAt", "category", "publishedAt" DESC, "id");

-- CreateIndex
CREATE INDEX "Course_status_deletedAt_level_publishedAt_id_idx" ON "Course"("status", "deletedAt", "level", "publishedAt" DESC, "id");

-- CreateIndex
CREATE INDEX "Course_status_deletedAt_title_id_idx" ON "Course"("status", "deletedAt", "title", "id");

-- CreateIndex
CREATE INDEX "Course_title_idx" ON "Course" USING GIN ("title" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Course_description_idx" ON "Course" USING GIN ("description" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "Enrollment" ADD CONSTRAINT "Enrollment_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrollment" ADD CONSTRAINT "Enrollment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LessonProgress" ADD CONSTRAINT "LessonProgress_enrollmentId_fkey" FOREIGN KEY ("enrollmentId") REFERENCES "Enrollment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LessonProgress" ADD CONSTRAINT "LessonProgress_videoId_fkey" FOREIGN KEY ("videoId") REFERENCES "Video"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Courses published before this migration enter the catalog in their last-changed order.
UPDATE "Course" SET "publishedAt" = "updatedAt" WHERE "status" = 'PUBLISHED';
