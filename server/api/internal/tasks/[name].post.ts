// Runs a server task on demand (ops cron, tests): the same code the schedule runs.
import { z } from 'zod'

const TaskParams = z.object({ name: z.enum(['courses:purge']) })

export default defineApiHandler(async (event) => {
  requireInternalToken(event)
  const { name } = readParams(event, TaskParams)
  const { result } = await runTask(name)
  return { name, result }
})
