// Settles a POST or DELETE that claimed an Idempotency-Key (middleware/06.idempotency.ts) once its
// route has answered: a success is kept for the request's retries, anything else lets go of the key.
import type { IdempotentRequestId } from '../services/idempotency/idempotent-request'
import { settleIdempotentRequest } from '../services/idempotency/idempotent-request'

export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('beforeResponse', async (event, response) => {
    const id = event.context.idempotentRequest as IdempotentRequestId | undefined
    if (!id) return
    event.context.idempotentRequest = undefined
    await settleIdempotentRequest(id, { status: event.node.res.statusCode, body: response.body })
  })
})
