-- CreateEnum
CREATE TYPE "MessageType" AS ENUM ('DAILY_NOTE', 'INSTRUCTOR_RESPONSE', 'ACTIVITY_LOG', 'MILESTONE');

-- CreateEnum
CREATE TYPE "MessageAccess" AS ENUM ('PARTICIPANTS', 'OBSERVERS');

-- CreateTable
CREATE TABLE "Conversation" (
    "id" TEXT NOT NULL,
    "studentId" TEXT NOT NULL,
    "instructorId" TEXT NOT NULL,
    "lastMessageAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Conversation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Message" (
    "id" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "senderId" TEXT,
    "type" "MessageType" NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "targetDate" DATE NOT NULL,
    "courseId" TEXT,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "payloadVersion" INTEGER NOT NULL DEFAULT 1,
    "access" "MessageAccess" NOT NULL DEFAULT 'PARTICIPANTS',
    "clientKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConversationRead" (
    "conversationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "lastReadAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConversationRead_pkey" PRIMARY KEY ("conversationId","userId")
);

-- CreateTable
CREATE TABLE "ObserverLink" (
    "observerId" TEXT NOT NULL,
    "studentId" TEXT NOT NULL,
    "instructorId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ObserverLink_pkey" PRIMARY KEY ("observerId","studentId","instructorId")
);

-- CreateTable
CREATE TABLE "MessageGrant" (
    "messageId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "MessageGrant_pkey" PRIMARY KEY ("messageId","userId")
);

-- CreateIndex
CREATE INDEX "Conversation_studentId_lastMessageAt_idx" ON "Conversation"("studentId", "lastMessageAt" DESC);

-- CreateIndex
CREATE INDEX "Conversation_instructorId_lastMessageAt_idx" ON "Conversation"("instructorId", "lastMessageAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "Conversation_studentId_instructorId_key" ON "Conversation"("studentId", "instructorId");

-- CreateIndex
CREATE INDEX "Message_conversationId_targetDate_createdAt_id_idx" ON "Message"("conversationId", "targetDate", "createdAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Message_conversationId_senderId_clientKey_key" ON "Message"("conversationId", "senderId", "clientKey");

-- CreateIndex
CREATE INDEX "ObserverLink_studentId_instructorId_idx" ON "ObserverLink"("studentId", "instructorId");

-- CreateIndex
CREATE INDEX "MessageGrant_userId_idx" ON "MessageGrant"("userId");

-- AddForeignKey
ALTER TABLE "Conversation" ADD CONSTRAINT "Conversation_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Conversation" ADD CONSTRAINT "Conversation_instructorId_fkey" FOREIGN KEY ("instructorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_senderId_fkey" FOREIGN KEY ("senderId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversationRead" ADD CONSTRAINT "ConversationRead_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ObserverLink" ADD CONSTRAINT "ObserverLink_observerId_fkey" FOREIGN KEY ("observerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ObserverLink" ADD CONSTRAINT "ObserverLink_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MessageGrant" ADD CONSTRAINT "MessageGrant_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "Message"("id") ON DELETE CASCADE ON UPDATE CASCADE;
