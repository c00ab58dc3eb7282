// `npm run db:seed`: adds the demo accounts and courses to the configured database (the embedded
// one in .data/db unless DATABASE_URL is set; stop the server first in that case).
import { PrismaClient } from '../server/generated/prisma/client.ts'
import { openDatabase } from '../server/database/connection.ts'
import { applyMigrations } from '../server/database/migrations.ts'
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoData } from './seed/demo.ts'
import { refreshConversationSummaries } from '../server/services/insights/refresh-conversation-summaries.ts'
import { refreshMediaSummaries } from '../server/services/insights/refresh-media-summaries.ts'

const connection = openDatabase()
const db = new PrismaClient({ adapter: connection.adapter })
try {
  await applyMigrations(connection.adapter)
  const seeded = await seedDemoData(db)
  // The insights pages read summaries a job keeps: compute them now, so a new user sees figures.
  await refreshConversationSummaries(db, { settleSeconds: 0 })
  await refreshMediaSummaries(db)
  console.log(seeded ? `demo data created in ${connection.location}` : `demo data already present in ${connection.location}`)
  console.log(`demo accounts (password "${DEMO_PASSWORD}"): ${DEMO_ACCOUNTS.map(a => a.email).join(', ')}`)
}
finally {
  await db.$disconnect()
  await connection.close()
}
