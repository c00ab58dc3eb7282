-- CreateEnum
CREATE TYPE "MediaLinkTarget" AS ENUM ('COURSE', 'CHAPTER', 'LESSON');

-- CreateEnum
CREATE TYPE "MediaLinkRole" AS ENUM ('COVER', 'RESOURCE', 'HANDOUT', 'ATTACHMENT');

-- CreateEnum
CREATE TYPE "MediaAction" AS ENUM ('UPLOAD', 'LINK', 'UNLINK', 'RENAME', 'DELETE', 'RESTORE', 'PURGE');

-- AlterTable
ALTER TABLE "MediaFile" ADD COLUMN     "deletedAt" TIMESTAMP(3),
ADD COLUMN     "deletedById" TEXT,
ADD COLUMN     "deletedUsages" JSONB;

-- CreateTable
CREATE TABLE "MediaLink" (
    "id" TEXT NOT NULL,
    "mediaFileId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "targetType" "MediaLinkTarget" NOT NULL,
    "targetId" TEXT NOT NULL,
    "role" "MediaLinkRole" NOT NULL,
    "courseId" TEXT NOT NULL,
    "chapterId" TEXT,
    "videoId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MediaLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MediaAudit" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "mediaFileId" TEXT NOT NULL,
    "actorId" TEXT,
    "action" "MediaAction" NOT NULL,
    "target" JSONB,
    "before" JSONB,
    "after" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MediaAudit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MediaLink_ownerId_mediaFileId_idx" ON "MediaLink"("ownerId", "mediaFileId");

-- CreateIndex
CREATE INDEX "MediaLink_courseId_idx" ON "MediaLink"("courseId");

-- CreateIndex
CREATE INDEX "MediaLink_chapterId_idx" ON "MediaLink"("chapterId");

-- CreateIndex
CREATE INDEX "MediaLink_videoId_idx" ON "MediaLink"("videoId");

-- CreateIndex
CREATE UNIQUE INDEX "MediaLink_mediaFileId_targetType_targetId_role_key" ON "MediaLink"("mediaFileId", "targetType", "targetId", "role");

-- CreateIndex
CREATE INDEX "MediaAudit_mediaFileId_createdAt_idx" ON "MediaAudit"("mediaFileId", "createdAt");

-- CreateIndex
CREATE INDEX "MediaAudit_ownerId_createdAt_idx" ON "MediaAudit"("ownerId", "createdAt");

-- CreateIndex
CREATE INDEX "MediaFile_ownerId_deletedAt_createdAt_idx" ON "MediaFile"("ownerId", "deletedAt", "createdAt");

-- CreateIndex
CREATE INDEX "MediaFile_deletedAt_idx" ON "MediaFile"("deletedAt");

-- AddForeignKey
ALTER TABLE "MediaLink" ADD CONSTRAINT "MediaLink_mediaFileId_fkey" FOREIGN KEY ("mediaFileId") REFERENCES "MediaFile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MediaLink" ADD CONSTRAINT "MediaLink_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MediaLink" ADD CONSTRAINT "MediaLink_chapterId_fkey" FOREIGN KEY ("chapterId") REFERENCES "Chapter"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MediaLink" ADD CONSTRAINT "MediaLink_videoId_fkey" FOREIGN KEY ("videoId") REFERENCES "Video"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MediaAudit" ADD CONSTRAINT "MediaAudit_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
