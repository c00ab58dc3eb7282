// The processing worker (server/workers/process-video.mjs, run as its own process) reads a real
// file with Debian's ffprobe and ffmpeg and reports to the server. Here the server's report
// endpoint is a stand-in that fails as a busy server does (503), so the worker's own behaviour
// shows: it sends the same result again until the server takes it, and a report it cannot make
// never becomes a verdict on a good file (it exits for the job to retry instead).
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sampleVideo } from '../support/video-fixtures'

interface Received { authorization?: string, body: Record<string, unknown> }

/** A report endpoint that answers each report with the next status of `statuses` (the last one repeats). */
async function reportEndpoint(statuses: number[]) {
  const received: Received[] = []
  const server = createServer((request, response) => {
    let text = ''
    request.on('data', (chunk) => {
      text += chunk
    })
    request.on('end', () => {
      received.push({ authorization: request.headers.authorization, body: JSON.parse(text) })
      const status = statuses[Math.min(received.length, statuses.length) - 1]!
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ success: status < 400 }))
    })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/internal/media/u1/processed`
  return { url, received, close: () => new Promise(resolve => server.close(resolve)) }
}

const scratch = mkdtempSync(join(tmpdir(), 'lectern-worker-'))

/** Runs the worker on `input` to its end: its exit code and what it printed. */
function runWorker(input: string, reportUrl: string) {
  const thumbnail = join(scratch, `${randomBytes(4).toString('hex')}.jpg`)
  const child = spawn(process.execPath, ['server/workers/process-video.mjs'], {
    env: { PATH: process.env.PATH, LECTERN_WORKER_INPUT: input, LECTERN_WORKER_THUMBNAIL: thumbnail, LECTERN_WORKER_REPORT_URL: reportUrl, LECTERN_WORKER_TOKEN: 'worker-token', LECTERN_WORKER_RETRY_MS: '20' },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr.on('data', (chunk) => {
    stderr += chunk
  })
  return new Promise<{ code: number | null, stderr: string, thumbnail: string }>(resolve => child.once('exit', code => resolve({ code, stderr, thumbnail })))
}

describe('the processing worker reports through a failing server', () => {
  let video: string
  const endpoints: { close: () => Promise<unknown> }[] = []
  beforeAll(() => {
    video = sampleVideo(2)
  })
  afterAll(() => Promise.all(endpoints.map(endpoint => endpoint.close())))
  const endpoint = async (statuses: number[]) => {
    const made = await reportEndpoint(statuses)
    endpoints.push(made)
    return made
  }

  it('sends the same result again while the server answers 503, until it takes it', async () => {
    const server = await endpoint([503, 503, 200])
    const run = await runWorker(video, server.url)
    expect(run.code, run.stderr).toBe(0)
    expect(server.received).toHaveLength(3)
    for (const { authorization, body } of server.received) {
      expect(authorization).toBe('Bearer worker-token')
      expect(body).toEqual({ durationSeconds: 2, width: 320, height: 240, thumbnail: true })
    }
    expect(existsSync(run.thumbnail)).toBe(true)
  })

  it('never reports a good file as failed when its report cannot be made: it exits for the job to retry', async () => {
    const server = await endpoint([503])
    const run = await runWorker(video, server.url)
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('503')
    expect(server.received).toHaveLength(5)
    expect(server.received.filter(({ body }) => 'failure' in body)).toEqual([])
  })

  it('tries a server that does not answer five times, then exits for the job to retry', async () => {
    const gone = await reportEndpoint([200])
    await gone.close()
    const run = await runWorker(video, gone.url)
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('did not reach the server')
  })

  it('takes a refusal other than a passing one as final (one report, no retries)', async () => {
    const server = await endpoint([409])
    const run = await runWorker(video, server.url)
    expect(run.code).toBe(2)
    expect(server.received).toHaveLength(1)
  })

  it('reports a file it cannot read as failed, with the reason', async () => {
    const broken = join(scratch, 'broken.mp4')
    // Zeros: nothing ffprobe can take for any format (random bytes sometimes pass as audio).
    writeFileSync(broken, Buffer.alloc(4096))
    const server = await endpoint([200])
    const run = await runWorker(broken, server.url)
    expect(run.code, run.stderr).toBe(0)
    expect(server.received).toHaveLength(1)
    expect(String(server.received[0]!.body.failure)).toMatch(/^The video could not be read \(.+\)\.$/)
  })
})
