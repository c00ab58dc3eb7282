// A second server of the run on a database of its own (the S3 instance, the HLS instance): its
// teardown, the same for each, pointing the API clients and testDb() back at the shared server.
import { rmSync } from 'node:fs'
import { pointClientsAt } from './api-client'
import { forgetTestDb, pointTestDbAt } from './database'
import type { RunningServer } from './server-process'

export async function stopOwnInstance({ server, database, scratch }: { server?: RunningServer, database?: { url: string, drop: () => Promise<void> }, scratch?: string }): Promise<void> {
  pointClientsAt(undefined)
  pointTestDbAt(undefined)
  await server?.stop()
  if (database) {
    await forgetTestDb(database.url)
    await database.drop()
  }
  if (scratch) rmSync(scratch, { recursive: true, force: true })
}
