// The demo student's conversation with the demo instructor: their enrolment, daily notes with
// answers (one back-dated, one shared with observers), a completed lesson; and the demo observer
// linked to the student by the instructor, who sees only what is shared with observers and one
// private answer granted to them explicitly. The student sends a sketch (an image), the instructor
// a PDF handout shared with observers, and a reply refers to the sketch. A second parent, with no
// account yet, is invited: the observers panel shows them as "Invited".
import type { PrismaClient } from '../../server/generated/prisma/client.ts'
import { newLinkToken } from '../../server/mail/tokens.ts'
import { createMessage } from './factories.ts'
import { attachDemoFile, demoImage, demoPdf } from './demo-attachments.ts'

const HOUR = 3_600_000

export async function seedDemoConversation(db: PrismaClient, ids: { studentId: string, instructorId: string, observerId: string }, now: Date): Promise<void> {
  const pair = { studentId: ids.studentId, instructorId: ids.instructorId }
  const ago = (hours: number) => new Date(now.getTime() - hours * HOUR)
  const day = (hours: number) => ago(hours).toISOString().slice(0, 10)
  await createMessage(db, pair, { senderId: null, type: 'ACTIVITY_LOG', body: 'Enrolled in Data Visualisation with D3', at: ago(72), payload: { v: 1, event: 'enrolled', courseTitle: 'Data Visualisation with D3' } })
  await createMessage(db, pair, { senderId: ids.studentId, type: 'DAILY_NOTE', body: 'Watched “Why charts work”. The bit about pre-attentive attributes clicked for me.', at: ago(70) })
  await createMessage(db, pair, { senderId: ids.instructorId, type: 'INSTRUCTOR_RESPONSE', body: 'Glad it clicked! Try spotting them in the next three charts you see at work.', at: ago(68), access: 'OBSERVERS' })
  await createMessage(db, pair, { senderId: null, type: 'ACTIVITY_LOG', body: 'Completed “Why charts work” in Data Visualisation with D3', at: ago(67), payload: { v: 1, event: 'lesson-completed', courseTitle: 'Data Visualisation with D3', lessonTitle: 'Why charts work' } })
  await createMessage(db, pair, { senderId: ids.studentId, type: 'DAILY_NOTE', body: 'Forgot to write yesterday: spent an hour on scales and got stuck on log scales.', at: ago(20), targetDate: day(44) })
  const sketch = await createMessage(db, pair, { senderId: ids.studentId, type: 'DAILY_NOTE', body: 'Here is where I got stuck: the gaps between ticks.', at: ago(19), targetDate: day(44) })
  const image = demoImage()
  if (image) await attachDemoFile(db, { messageId: sketch.id, uploaderId: ids.studentId, file: image })
  const handout = await createMessage(db, pair, { senderId: ids.instructorId, type: 'INSTRUCTOR_RESPONSE', body: 'Log scales trip everyone up. Rewatch “Scales and axes” from 4:10, then tell me what you see. The cheat sheet helps.', at: ago(2), access: 'OBSERVERS' })
  await attachDemoFile(db, { messageId: handout.id, uploaderId: ids.instructorId, file: demoPdf() })
  if (image) {
    const attachment = await db.attachment.findFirstOrThrow({ where: { messageId: sketch.id }, select: { id: true } })
    const reply = await createMessage(db, pair, { senderId: ids.instructorId, type: 'INSTRUCTOR_RESPONSE', body: 'On your sketch: each tick is ×10, not +10.', at: ago(1) })
    await db.message.update({ where: { id: reply.id }, data: { referencedAttachmentId: attachment.id } })
  }
  await db.observerLink.create({ data: { observerId: ids.observerId, ...pair } })
  // Kept to the pair, but granted to the observer by name: the instructor's "Visibility…" shows
  // the grant ticked, and the observer reads it among the shared ones.
  const granted = await createMessage(db, pair, { senderId: ids.instructorId, type: 'INSTRUCTOR_RESPONSE', body: 'A note for Olivia too: the weekly pace is fine, the stuck moments are normal. An extra half hour on Sundays would help.', at: ago(1), access: 'PARTICIPANTS' })
  await db.messageGrant.create({ data: { messageId: granted.id, userId: ids.observerId } })
  // Its mail was never sent (nobody knows the token): "Resend" in the panel mails a working link
  // (printed to the server log when no SMTP server is configured).
  await db.observerInvitation.create({
    data: { email: 'dana.rivera@example.com', ...pair, tokenHash: newLinkToken().tokenHash, createdAt: ago(20), sentAt: ago(20), expiresAt: new Date(now.getTime() + 6 * 24 * HOUR) },
  })
}
