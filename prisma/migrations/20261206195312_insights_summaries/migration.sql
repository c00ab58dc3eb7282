-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "seq" BIGSERIAL NOT NULL;

-- CreateTable
CREATE TABLE "InsightsRefresh" (
    "kind" TEXT NOT NULL,
    "lastSeq" BIGINT NOT NULL DEFAULT 0,
    "computedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InsightsRefresh_pkey" PRIMARY KEY ("kind")
);

-- CreateTable
CREATE TABLE "ConversationDayCount" (
    "conversationId" TEXT NOT NULL,
    "instructorId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "type" "MessageType" NOT NULL,
    "messages" INTEGER NOT NULL,
    "attachments" INTEGER NOT NULL,

    CONSTRAINT "ConversationDayCount_pkey" PRIMARY KEY ("conversationId","day","type")
);

-- CreateTable
CREATE TABLE "NoteResponse" (
    "noteId" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "instructorId" TEXT NOT NULL,
    "notedAt" TIMESTAMP(3) NOT NULL,
    "answeredAt" TIMESTAMP(3),

    CONSTRAINT "NoteResponse_pkey" PRIMARY KEY ("noteId")
);

-- CreateTable
CREATE TABLE "MediaFileFigure" (
    "mediaFileId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "sizeBytes" BIGINT NOT NULL,
    "durationSeconds" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),
    "usageCount" INTEGER NOT NULL,
    "trashedUsageCount" INTEGER NOT NULL,
    "lessonCount" INTEGER NOT NULL,
    "lessons" TEXT[],

    CONSTRAINT "MediaFileFigure_pkey" PRIMARY KEY ("mediaFileId")
);

-- CreateTable
CREATE TABLE "LessonViewDay" (
    "id" TEXT NOT NULL,
    "mediaFileId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "savedOn" DATE NOT NULL,
    "completedOn" DATE,
    "views" INTEGER NOT NULL,

    CONSTRAINT "LessonViewDay_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ConversationDayCount_instructorId_day_idx" ON "ConversationDayCount"("instructorId", "day");

-- CreateIndex
CREATE INDEX "NoteResponse_instructorId_notedAt_idx" ON "NoteResponse"("instructorId", "notedAt");

-- CreateIndex
CREATE INDEX "NoteResponse_conversationId_notedAt_idx" ON "NoteResponse"("conversationId", "notedAt");

-- CreateIndex
CREATE INDEX "MediaFileFigure_ownerId_createdAt_idx" ON "MediaFileFigure"("ownerId", "createdAt");

-- CreateIndex
CREATE INDEX "LessonViewDay_ownerId_mediaFileId_idx" ON "LessonViewDay"("ownerId", "mediaFileId");

-- CreateIndex
CREATE UNIQUE INDEX "Message_seq_key" ON "Message"("seq");

-- AddForeignKey
ALTER TABLE "ConversationDayCount" ADD CONSTRAINT "ConversationDayCount_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoteResponse" ADD CONSTRAINT "NoteResponse_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MediaFileFigure" ADD CONSTRAINT "MediaFileFigure_mediaFileId_fkey" FOREIGN KEY ("mediaFileId") REFERENCES "MediaFile"("id") ON DELETE CASCADE ON UPDATE CASCADE;
