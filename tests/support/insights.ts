// The insights pages and routes read summaries the insights:refresh job keeps: a test that wrote
// the rows it reads runs the job first, through the internal endpoint, as ops would. Settle 0:
// fold in the messages just written (a scheduled run leaves the last 10 s for the next one).
import { expect, inject } from 'vitest'
import { ApiClient } from './api-client'

export async function refreshInsights(): Promise<void> {
  const result = await new ApiClient().request('POST', '/api/internal/jobs/insights:refresh', { settleSeconds: 0 }, { headers: { authorization: `Bearer ${inject('internalToken')}` } })
  expect(result.status, JSON.stringify(result.body)).toBe(200)
}
