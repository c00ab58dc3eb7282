-- AlterTable
ALTER TABLE "Video" ADD COLUMN     "replacementMediaFileId" TEXT;

-- CreateIndex
CREATE INDEX "Video_replacementMediaFileId_idx" ON "Video"("replacementMediaFileId");

-- AddForeignKey
ALTER TABLE "Video" ADD CONSTRAINT "Video_replacementMediaFileId_fkey" FOREIGN KEY ("replacementMediaFileId") REFERENCES "MediaFile"("id") ON DELETE SET NULL ON UPDATE CASCADE;
