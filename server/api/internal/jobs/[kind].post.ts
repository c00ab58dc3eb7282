// Runs a recurring job's handler on demand (ops, tests): the same code the job runner runs on
// its schedule.
import { z } from 'zod'
import { runJobNow } from '../../../jobs/runner'

const JobParams = z.object({ kind: z.enum(['courses:purge', 'uploads:cleanup']) })

export default defineApiHandler(async (event) => {
  requireInternalToken(event)
  const { kind } = readParams(event, JobParams)
  await runJobNow(kind)
  return { kind, ran: true }
})
