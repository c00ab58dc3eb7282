// The people a user shares a conversation with, as its student or instructor: who hears when that
// user comes online or goes away, and whose presence that user may ask for. Observers are no
// one's counterpart (they never see presence, and no one sees theirs).
import { useDb } from '../../database/db'

export async function listCounterparts(userId: string): Promise<string[]> {
  const rows = await useDb().conversation.findMany({
    where: { OR: [{ studentId: userId }, { instructorId: userId }] },
    select: { studentId: true, instructorId: true },
  })
  return [...new Set(rows.map(row => (row.studentId === userId ? row.instructorId : row.studentId)))]
}
