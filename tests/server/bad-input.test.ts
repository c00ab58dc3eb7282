// Bad input, property-based (fast-check): every catalogue route that takes a body, a query or a
// path parameter is sent by its owner with arbitrary JSON, with its valid body where one field is
// replaced by an arbitrary value (NUL, lone surrogates, bidi and zero-width characters, 100 000
// characters, huge and negative numbers, NaN-like strings, arrays, objects, null), and with
// arbitrary path parameters and query values. No answer may be a 500; every API answer is the
// JSON envelope (the upload protocol: any status under 500); a refusal writes nothing.
// FC_RUNS sets the cases per route (20 by default); the seed is printed, FC_SEED replays it.
import fc from 'fast-check'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { routeCatalogue } from '../support/route-catalogue'
import type { RouteEntry } from '../support/route-catalogue'
import { describeWithDatabase } from '../support/database'
import { encodeSegment, nastyParam, nastyValue } from '../support/routes/bad-values'
import { changedTables, databaseChecksum } from '../support/routes/checksum'
import { ownerOf } from '../support/routes/callers'
import { startIsolatedLectern } from '../support/routes/harness'
import type { IsolatedLectern } from '../support/routes/harness'
import { buildOwnerWorld } from '../support/routes/owner-world'
import type { OwnerWorld } from '../support/routes/owner-world'
import { send } from '../support/routes/send'
import type { RouteRequest } from '../support/routes/send'

const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : Math.floor(Math.random() * 2 ** 31)
const runs = Number(process.env.FC_RUNS ?? 20)

type Case
  = | { kind: 'json', body: unknown }
    | { kind: 'field', path: (string | number)[], value: unknown }
    | { kind: 'param', index: number, value: string }
    | { kind: 'query', key: string, value: string }
    | { kind: 'header', name: string, value: string }
    | { kind: 'metadata', key: string, value: string }

const paramIndexes = (entry: RouteEntry) => entry.pattern.split('/').flatMap((segment, index) => (segment.startsWith('[') ? [index] : []))
const takesBody = (entry: RouteEntry) => !!entry.body
// The upload protocol's input is its headers (Upload-Length, Upload-Offset, Upload-Metadata).
const takesInput = (entry: RouteEntry) => takesBody(entry) || !!entry.query || paramIndexes(entry).length > 0 || entry.protocol === 'tus'
const metadataOf = (header = '') => header.split(',').filter(Boolean).map(pair => pair.split(' ') as [string, string?])

/** Every place in a JSON value a field can be replaced at (objects' keys and arrays' items, nested). */
function fieldPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((item, index) => [[...prefix, index], ...fieldPaths(item, [...prefix, index])])
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => [[...prefix, key], ...fieldPaths(item, [...prefix, key])])
  return []
}

function replaced(value: unknown, path: (string | number)[], by: unknown): unknown {
  if (path.length === 0) return by
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>
  copy[path[0]!] = replaced(copy[path[0]!], path.slice(1), by)
  return copy
}

function casesFor(entry: RouteEntry, request: RouteRequest): fc.Arbitrary<Case> {
  const choices: fc.Arbitrary<Case>[] = []
  if (takesBody(entry)) {
    choices.push(fc.jsonValue({ maxDepth: 3 }).map(body => ({ kind: 'json' as const, body })))
    const paths = fieldPaths(request.body)
    if (paths.length) choices.push(fc.record({ path: fc.constantFrom(...paths), value: nastyValue }).map(c => ({ kind: 'field' as const, ...c })))
  }
  const indexes = paramIndexes(entry)
  if (indexes.length) choices.push(fc.record({ index: fc.constantFrom(...indexes), value: nastyParam }).map(c => ({ kind: 'param' as const, ...c })))
  const keys = [...new URLSearchParams(request.path.split('?')[1] ?? '').keys()]
  if (entry.query) choices.push(fc.record({ key: fc.constantFrom(...keys, 'unexpected'), value: nastyParam }).map(c => ({ kind: 'query' as const, ...c })))
  const headers = Object.keys(request.headers ?? {})
  // fetch only sends header values of visible ASCII; the metadata's values travel in base64, so anything goes there.
  if (headers.length) choices.push(fc.record({ name: fc.constantFrom(...headers), value: nastyParam.filter(v => /^[\x20-\x7e]*$/.test(v)) }).map(c => ({ kind: 'header' as const, ...c })))
  const metadata = metadataOf(request.headers?.['upload-metadata']).map(([key]) => key)
  if (metadata.length) choices.push(fc.record({ key: fc.constantFrom(...metadata, 'unexpected'), value: nastyParam }).map(c => ({ kind: 'metadata' as const, ...c })))
  return fc.oneof(...choices)
}

function applied(request: RouteRequest, mutation: Case): RouteRequest {
  const [path = '', query = ''] = request.path.split('?')
  switch (mutation.kind) {
    case 'json': return { ...request, body: mutation.body }
    case 'field': return { ...request, body: replaced(request.body, mutation.path, mutation.value) }
    case 'param': {
      const segments = path.split('/')
      segments[mutation.index] = encodeSegment(mutation.value)
      return { ...request, path: `${segments.join('/')}${query ? `?${query}` : ''}` }
    }
    case 'query': {
      const pairs = [...new URLSearchParams(query)].filter(([key]) => key !== mutation.key).map(([key, value]) => `${encodeSegment(key)}=${encodeSegment(value)}`)
      pairs.push(`${encodeSegment(mutation.key)}=${encodeSegment(mutation.value)}`)
      return { ...request, path: `${path}?${pairs.join('&')}` }
    }
    case 'header': return { ...request, headers: { ...request.headers, [mutation.name]: mutation.value } }
    case 'metadata': {
      const pairs = metadataOf(request.headers?.['upload-metadata']).filter(([key]) => key !== mutation.key)
      pairs.push([mutation.key, Buffer.from(mutation.value).toString('base64')])
      return { ...request, headers: { ...request.headers, 'upload-metadata': pairs.map(pair => pair.join(' ')).join(',') } }
    }
  }
}

const describeCase = (mutation: Case) => JSON.stringify(mutation, (_key, value: unknown) => (typeof value === 'string' && value.length > 120 ? `${value.slice(0, 60)}…(${value.length} chars)` : value))

describeWithDatabase('bad input', () => {
  let lectern: IsolatedLectern
  let world: OwnerWorld

  beforeAll(async () => {
    console.log(`[bad-input] fast-check seed ${seed} (FC_SEED=${seed} replays it), ${runs} cases per route (FC_RUNS)`)
    lectern = await startIsolatedLectern()
    world = await buildOwnerWorld(lectern).catch((error: Error) => {
      throw new Error(`${error.message}\n--- server output ---\n${lectern.output().slice(-4000)}`)
    })
  }, 240_000)
  afterAll(async () => {
    await lectern?.stop()
  })

  const routes = Object.keys(routeCatalogue).sort().filter(file => takesInput(routeCatalogue[file]!))

  it('covers every route that takes a body, a query or a path parameter', () => {
    expect(routes.length).toBeGreaterThan(60)
  })

  it.each(routes)('%s: arbitrary input never gives a 500, always the envelope, and a refusal writes nothing', async (file) => {
    const entry = routeCatalogue[file]!
    const protocol = entry.protocol ?? 'api'
    const fixture = await entry.fixture(world)
    const caller = ownerOf(world, entry, fixture)
    await fc.assert(fc.asyncProperty(casesFor(entry, fixture), async (mutation) => {
      const request = applied(fixture, mutation)
      const before = await databaseChecksum(lectern.sql)
      const answer = await send(lectern.url, caller, protocol, request)
      if (process.env.BAD_INPUT_TRACE) console.log(`[bad-input] ${describeCase(mutation).slice(0, 200)} -> ${answer.status}`)
      const where = `${request.method} ${request.path.slice(0, 200)} with ${describeCase(mutation)} answered ${answer.status} ${answer.text.slice(0, 300)}`
      expect(answer.status, `${where}\n--- server output ---\n${lectern.output().slice(-3000)}`).toBeLessThan(500)
      // A dot segment can take the address out of /api (to a page): only API answers owe the envelope.
      const api = new URL(request.path, lectern.url).pathname.startsWith('/api/')
      if (api && (protocol === 'api' || (protocol === 'file' && answer.status >= 400))) {
        expect(answer.json, where).toMatchObject({ success: expect.any(Boolean) })
        if (answer.status >= 400) expect(answer.json, where).toMatchObject({ success: false, error: { code: expect.any(String), message: expect.any(String) } })
      }
      if (answer.status >= 400) expect(changedTables(before, await databaseChecksum(lectern.sql)), `${where}: a refusal wrote`).toEqual([])
      // An accepted request may have set off work that writes later (an upload's byte count, a
      // job): let it finish before the next case's "a refusal writes nothing" check.
      else await fixture.settle?.()
    }), { seed, numRuns: runs, endOnFailure: true })
  }, 120_000)
})
