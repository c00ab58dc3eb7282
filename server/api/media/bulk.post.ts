// POST /api/media/bulk { action, ids, ...params } — one action over up to 500 of my files; the
// answer has a result per file (ok, or why not) and a summary (services/media/run-media-bulk.ts).
import { MediaBulkInput } from '#shared/schemas/media-bulk'
import { runMediaBulk } from '../../services/media/run-media-bulk'

export default defineApiHandler(async (event) => {
  const user = await requireInstructor(event)
  const input = await readInput(event, MediaBulkInput)
  return runMediaBulk({ user, input, retentionSeconds: lecternConfig().mediaRetentionSeconds })
})
