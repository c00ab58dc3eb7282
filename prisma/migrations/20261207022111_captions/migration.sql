-- CreateTable
CREATE TABLE "Caption" (
    "id" TEXT NOT NULL,
    "lessonId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "vtt" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "cueCount" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Caption_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Caption_text_idx" ON "Caption" USING GIN ("text" gin_trgm_ops);

-- CreateIndex
CREATE UNIQUE INDEX "Caption_lessonId_language_key" ON "Caption"("lessonId", "language");

-- CreateIndex
CREATE UNIQUE INDEX "Caption_one_default_per_lesson" ON "Caption"("lessonId") WHERE ("isDefault");

-- AddForeignKey
ALTER TABLE "Caption" ADD CONSTRAINT "Caption_lessonId_fkey" FOREIGN KEY ("lessonId") REFERENCES "Video"("id") ON DELETE CASCADE ON UPDATE CASCADE;
