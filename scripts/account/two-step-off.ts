// `npm run account:two-step-off -- <email>`: for the operator, when someone has lost both their
// phone and their recovery codes. Confirm who is asking first, by a channel of your own: this is
// the one way round the second step. It turns two-step verification off for the account, deletes
// its recovery codes and signs it out everywhere (the session rows go, and every request reads
// its row); the person signs in with their password (or resets it) and sets it up again.
import { PrismaClient } from '../../server/generated/prisma/client.ts'
import { openDatabase } from '../../server/database/connection.ts'

const email = (process.argv[2] ?? '').trim().toLowerCase()
if (!email) {
  console.error('usage: npm run account:two-step-off -- <email>')
  process.exit(2)
}

const connection = openDatabase()
const db = new PrismaClient({ adapter: connection.adapter })
try {
  const user = await db.user.findUnique({ where: { email }, select: { id: true, twoStepEnabledAt: true } })
  if (!user) {
    console.error(`no account has the email ${email}`)
    process.exitCode = 1
  }
  else if (!user.twoStepEnabledAt) {
    console.log(`two-step verification is already off for ${email}; nothing changed`)
  }
  else {
    const [, codes, sessions] = await db.$transaction([
      db.user.update({ where: { id: user.id }, data: { twoStepSecret: null, twoStepPending: null, twoStepEnabledAt: null, twoStepLastStep: null } }),
      db.recoveryCode.deleteMany({ where: { userId: user.id } }),
      db.session.deleteMany({ where: { userId: user.id } }),
    ])
    console.log(`two-step verification is off for ${email}: ${codes.count} recovery code(s) deleted, ${sessions.count} session(s) signed out`)
  }
}
finally {
  await db.$disconnect()
  await connection.close()
}
