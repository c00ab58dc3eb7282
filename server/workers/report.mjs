// How a worker tells the server what it did: a POST with the internal token to
// LECTERN_WORKER_REPORT_URL (plus a sub-path). While the line or the server fails (no answer, a 5xx
// such as a busy database's 503, a 429) the report goes again after 1, 2, 4 and 8 s
// (LECTERN_WORKER_RETRY_MS sets the first wait): the work is done by then, only the word of it is
// missing, and a job retried for a lost report would do it all again. Any other refusal is final.
// Plain JavaScript with only Node built-ins, written out beside the workers that import it.
import { setTimeout as sleep } from 'node:timers/promises'

const { LECTERN_WORKER_REPORT_URL: reportUrl, LECTERN_WORKER_TOKEN: token, LECTERN_WORKER_RETRY_MS: firstWait = '1000' } = process.env
const TRIES = 5

const passing = status => status >= 500 || status === 429

/** Reports `body` to the server (at `path` under the report URL); `tries: 1` for news that the next report replaces. */
export async function report(body, { path = '', tries = TRIES } = {}) {
  const url = path ? `${reportUrl}/${path}` : reportUrl
  for (let attempt = 1; ; attempt++) {
    const failure = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'authorization': `Bearer ${token}` },
      body: JSON.stringify(body),
    }).then(
      async response => (response.ok ? null : { message: `the server refused the ${path || 'result'} report: ${response.status} ${await response.text()}`, again: passing(response.status) }),
      error => ({ message: `the ${path || 'result'} report did not reach the server: ${error.cause?.message ?? error.message}`, again: true }),
    )
    if (!failure) return
    if (!failure.again || attempt >= tries) throw new Error(failure.message)
    await sleep(Number(firstWait) * 2 ** (attempt - 1))
  }
}
