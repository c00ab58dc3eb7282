// The one conversation of a student–instructor pair, created the first time it is needed (first
// enrolment or first message). Concurrent callers end up with the same row.
import { useDb } from '../../database/db'

export async function ensureConversation({ studentId, instructorId }: { studentId: string, instructorId: string }): Promise<string> {
  const row = await useDb().conversation.upsert({
    where: { studentId_instructorId: { studentId, instructorId } },
    create: { studentId, instructorId },
    update: {},
    select: { id: true },
  })
  return row.id
}
