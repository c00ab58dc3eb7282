-- DropIndex
DROP INDEX "ConversationDayCount_instructorId_day_idx";

-- DropIndex
DROP INDEX "NoteResponse_instructorId_notedAt_idx";

-- CreateIndex
CREATE INDEX "ConversationDayCount_instructorId_day_read_idx" ON "ConversationDayCount"("instructorId", "day", "conversationId", "type", "messages", "attachments");

-- CreateIndex
CREATE INDEX "NoteResponse_instructorId_notedAt_read_idx" ON "NoteResponse"("instructorId", "notedAt", "conversationId", "answeredAt");

-- Index-only scans skip the table only for pages the visibility map marks all-visible, which
-- vacuum sets. By default autovacuum visits a table after 20 % of it is new or changed: at
-- 5 M notes, months of the newest rows (those the insights of a year read) would still be
-- fetched from the table page by page. 1 % keeps that to days, and such a vacuum reads only the
-- pages changed since the last one. (No semicolon in these comments: the migration runner
-- splits statements without parsing them.)
ALTER TABLE "ConversationDayCount" SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_insert_scale_factor = 0.01);
ALTER TABLE "NoteResponse" SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_insert_scale_factor = 0.01);
