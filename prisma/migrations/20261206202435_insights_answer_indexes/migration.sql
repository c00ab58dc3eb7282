-- DropIndex
DROP INDEX "NoteResponse_conversationId_notedAt_idx";

-- CreateIndex
CREATE INDEX "Message_conversationId_createdAt_idx" ON "Message"("conversationId", "createdAt") WHERE (type = 'INSTRUCTOR_RESPONSE');

-- CreateIndex
CREATE INDEX "NoteResponse_conversationId_answeredAt_idx" ON "NoteResponse"("conversationId", "answeredAt");
