// Runs a recurring job's handler on demand (ops, tests): the same code the job runner runs on
// its schedule. media:purge takes an optional `{ "retentionSeconds": n }` body instead of the
// configured retention (tests purge files trashed seconds ago); insights:refresh takes
// `{ "settleSeconds": n }` (0 in tests: fold in the messages just written).
import { z } from 'zod'
import { runJobNow } from '../../../jobs/runner'

const JobParams = z.object({ kind: z.enum(['courses:purge', 'uploads:cleanup', 'media:purge', 'insights:refresh']) })
const MediaPurgePayload = z.object({ retentionSeconds: z.number().nonnegative().max(10 * 365 * 86_400).optional() })
const InsightsRefreshPayload = z.object({ settleSeconds: z.number().nonnegative().max(3600).optional() })

export default defineApiHandler(async (event) => {
  requireInternalToken(event)
  const { kind } = readParams(event, JobParams)
  const payload = kind === 'media:purge'
    ? await readOptionalInput(event, MediaPurgePayload)
    : kind === 'insights:refresh' ? await readOptionalInput(event, InsightsRefreshPayload) : {}
  await runJobNow(kind, payload)
  return { kind, ran: true }
})
