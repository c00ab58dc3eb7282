-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "MediaAction" ADD VALUE 'TAG';
ALTER TYPE "MediaAction" ADD VALUE 'EDIT';

-- AlterTable
ALTER TABLE "MediaFile" ADD COLUMN     "altText" TEXT;

-- CreateTable
CREATE TABLE "MediaTag" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MediaTag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MediaFileTag" (
    "mediaFileId" TEXT NOT NULL,
    "tagId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MediaFileTag_pkey" PRIMARY KEY ("mediaFileId","tagId")
);

-- CreateIndex
CREATE UNIQUE INDEX "MediaTag_ownerId_name_key" ON "MediaTag"("ownerId", "name");

-- CreateIndex
CREATE INDEX "MediaFileTag_tagId_idx" ON "MediaFileTag"("tagId");

-- AddForeignKey
ALTER TABLE "MediaTag" ADD CONSTRAINT "MediaTag_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MediaFileTag" ADD CONSTRAINT "MediaFileTag_mediaFileId_fkey" FOREIGN KEY ("mediaFileId") REFERENCES "MediaFile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MediaFileTag" ADD CONSTRAINT "MediaFileTag_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "MediaTag"("id") ON DELETE CASCADE ON UPDATE CASCADE;
