// The authorisation matrix, generated from the route tree: every route (tests/support/route-catalogue.ts)
// is sent, with the owner's valid request, by strangers (nobody, a student not in the course, an
// observer not linked, another instructor, and for one student's conversation another student of
// the course). None may get a 2xx that reveals or changes the owner's objects, each refusal is the
// route's protocol's 4xx, and the database checksum stays the same. Then the owner sends the same
// request and succeeds, so each refusal came from authorisation, not from validation.
// Its own database and server (tests/support/routes/harness.ts): other files' writes would move the checksum.
import { readdirSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { methodOfFile, patternOfFile, routeCatalogue } from '../support/route-catalogue'
import { describeWithDatabase } from '../support/database'
import { changedTables, databaseChecksum, othersRowsChanged, rowSnapshot } from '../support/routes/checksum'
import { ownerOf, strangersFor } from '../support/routes/callers'
import { startIsolatedLectern } from '../support/routes/harness'
import type { IsolatedLectern } from '../support/routes/harness'
import { buildOwnerWorld } from '../support/routes/owner-world'
import type { OwnerWorld } from '../support/routes/owner-world'
import { send } from '../support/routes/send'
import type { Answer } from '../support/routes/send'

const root = resolve(import.meta.dirname, '../..')

function routeFiles(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name)
    return statSync(join(root, path)).isDirectory() ? routeFiles(path) : [relative('.', path)]
  })
}

const ENVELOPE = { success: false, error: { code: expect.any(String), message: expect.any(String) } }

/** Does a refusal have its protocol's shape? (The socket's refusals are its handshake status or an error message.) */
function refusalShape(protocol: string, answer: Answer): unknown {
  return protocol === 'api' || protocol === 'file' ? answer.json : ENVELOPE
}

describe('route catalogue', () => {
  it('has an entry for every route file under server/api and server/routes, and names no file that is gone', () => {
    const files = [...routeFiles('server/api'), ...routeFiles('server/routes')].sort()
    expect(files.length).toBeGreaterThan(90)
    expect(files.filter(file => !routeCatalogue[file]), 'route files without a catalogue entry').toEqual([])
    expect(Object.keys(routeCatalogue).filter(file => !files.includes(file)), 'catalogue entries naming no route file').toEqual([])
  })

  it('says each route\'s method and path as its file name does, and why a route is open', () => {
    for (const [file, entry] of Object.entries(routeCatalogue)) {
      expect(entry.pattern, file).toBe(patternOfFile(file))
      const method = methodOfFile(file)
      if (method) expect(entry.method, file).toBe(method)
      if (entry.access === 'public' || entry.access === 'signed-in') expect(entry.reason, `${file} is ${entry.access}: say why`).toMatch(/\w{3,}/)
      if (entry.writesOwnRows) expect(entry.access, `${file} writes the caller's rows: only a signed-in route may`).toBe('signed-in')
    }
  })
})

describeWithDatabase('authorisation matrix', () => {
  let lectern: IsolatedLectern
  let world: OwnerWorld
  const seen: string[] = []

  beforeAll(async () => {
    lectern = await startIsolatedLectern()
    world = await buildOwnerWorld(lectern).catch((error: Error) => {
      throw new Error(`${error.message}\n--- server output ---\n${lectern.output().slice(-4000)}`)
    })
  }, 240_000)
  afterAll(async () => {
    // MATRIX_REPORT=1 prints every stranger's answer, for reading what the matrix saw.
    if (process.env.MATRIX_REPORT) console.log(seen.join('\n'))
    await lectern?.stop()
  })

  /** Sends, and fails softly when any checked table changed. */
  async function checkNoWrites(sending: () => Promise<Answer>, who: string): Promise<Answer> {
    const before = await databaseChecksum(lectern.sql)
    const answer = await sending()
    expect.soft(changedTables(before, await databaseChecksum(lectern.sql)), `${who} (${answer.status} ${answer.text.slice(0, 200)}): wrote to these tables`).toEqual([])
    return answer
  }

  /** Sends, and fails softly when a row that is not the caller's changed. */
  async function checkOwnWrites(sending: () => Promise<Answer>, callerId: string, who: string): Promise<Answer> {
    const before = await rowSnapshot(lectern.sql)
    const answer = await sending()
    expect.soft(othersRowsChanged(before, await rowSnapshot(lectern.sql), callerId), `${who} (${answer.status}): changed rows that are not theirs`).toEqual([])
    return answer
  }

  it('sees a write in the checksum, and tells a caller\'s own rows from others\'', async () => {
    const before = await databaseChecksum(lectern.sql)
    const rows = await rowSnapshot(lectern.sql)
    const course = await world.strangers.instructor.post<{ id: string }>('/api/courses', { title: 'Checksum probe', category: 'Design' })
    expect(course.status).toBe(201)
    expect(changedTables(before, await databaseChecksum(lectern.sql))).toEqual(['Course'])
    expect(othersRowsChanged(rows, await rowSnapshot(lectern.sql), world.strangers.instructor.user.id)).toEqual([])
    expect(othersRowsChanged(rows, await rowSnapshot(lectern.sql), world.strangers.student.user.id)).toHaveLength(1)
    expect((await world.strangers.instructor.delete(`/api/courses/${course.body.success && course.body.data.id}`)).status).toBe(200)
  })

  it.each(Object.keys(routeCatalogue).sort())('%s: strangers are refused and change nothing; its owner succeeds', async (file) => {
    const entry = routeCatalogue[file]!
    const protocol = entry.protocol ?? 'api'
    const request = await entry.fixture(world)
    const where = `${request.method} ${request.path}`

    if (entry.access !== 'public') {
      const requests = [request, ...(entry.strangersAlso?.(world, request) ?? [])]
      for (const [caller, attempt] of (await strangersFor(world, entry)).flatMap(caller => requests.map(attempt => [caller, attempt] as const))) {
        const callerId = caller.client?.user?.id
        const target = `${attempt.method} ${attempt.path}${attempt.channel ? ` ${attempt.channel}` : ''}`
        const answer = entry.writesOwnRows && callerId
          ? await checkOwnWrites(() => send(lectern.url, caller, protocol, attempt), callerId, `${target} as ${caller.name}`)
          : await checkNoWrites(() => send(lectern.url, caller, protocol, attempt), `${target} as ${caller.name}`)
        const who = `${target} as ${caller.name} (${answer.status} ${answer.text.slice(0, 200)})`
        seen.push(`${file}\t${target.replace(/[a-z0-9]{20,}/g, '…')}\t${caller.name}\t${answer.status}`)
        expect.soft(answer.status, `${who}: a server error`).toBeLessThan(500)
        const aboutThemselves = entry.access === 'signed-in' && !!caller.client?.user
        if (aboutThemselves && answer.status < 300) {
          // Their own account or library: nothing of the owner world may be in it, apart from what they sent.
          const sent = `${attempt.path} ${JSON.stringify(attempt.body ?? '')}`
          expect.soft(world.secrets.filter(secret => !sent.includes(secret) && answer.text.includes(secret)), `${who}: revealed the owner's`).toEqual([])
          continue
        }
        expect.soft(answer.status, `${who}: not refused`).toBeGreaterThanOrEqual(400)
        expect.soft(refusalShape(protocol, answer), `${who}: not the refusal envelope`).toMatchObject(ENVELOPE)
      }
    }

    const owner = ownerOf(world, entry, request)
    const answer = await send(lectern.url, owner, protocol, request)
    await request.settle?.()
    const control = `${where} as ${owner.name} (the owner control) answered ${answer.status} ${answer.text.slice(0, 300)}`
    if (entry.ownerStatus) {
      expect(answer.status, control).toBe(entry.ownerStatus)
      expect(answer.json, control).toMatchObject(ENVELOPE)
    }
    else {
      expect(answer.status, control).toBeGreaterThanOrEqual(200)
      expect(answer.status, control).toBeLessThan(300)
      if (protocol === 'api') expect(answer.json, control).toMatchObject({ success: true })
    }
  }, 90_000)
})
