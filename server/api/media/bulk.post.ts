// POST /api/media/bulk { action, ids, ...params } — one action over up to 500 of my files; the
// answer has a result per file (ok, or why not) and a summary (services/media/run-media-bulk.ts).
import { MediaBulkInput } from '#shared/schemas/media-bulk'
import { runMediaBulk } from '../../services/media/run-media-bulk'
import { enforceLimit } from '../../limits/enforce-limit'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  const input = await readInput(event, MediaBulkInput)
  await enforceLimit('bulk', user.id, 'Too many bulk actions in a row')
  return runMediaBulk({ user, input, retentionSeconds: lecternConfig().mediaRetentionSeconds })
})
