// `npm run storage:migrate` (scripts/storage/migrate.ts) copying a local storage directory into
// S3 (s3rver in this process): killed halfway it has changed nothing but add whole, correct
// objects; run again it finishes, keeping what is there; an object that differs is copied again;
// unfinished uploads stay on disk.
import { spawn } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PutObjectCommand } from '@aws-sdk/client-s3'
import { startS3Server } from '../support/s3-server'
import type { RunningS3 } from '../support/s3-server'

const root = resolve(import.meta.dirname, '../..')
const key = () => randomBytes(16).toString('hex')
const hashOf = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

/** Every file under the directory with its sha256: "nothing changed" is this, equal before and after. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {}
  for (const sub of readdirSync(dir)) for (const name of readdirSync(join(dir, sub))) files[`${sub}/${name}`] = hashOf(readFileSync(join(dir, sub, name)))
  return files
}

interface Run { code: number | null, output: string, killed: boolean }

/** Runs the script; with `killAt`, SIGKILLs it as soon as a line of its output matches. */
function migrate(env: Record<string, string>, killAt?: RegExp): Promise<Run> {
  return new Promise((done, fail) => {
    // Its own process group: tsx runs the script in a child process, and both must stop at once.
    const child = spawn(join(root, 'node_modules/.bin/tsx'), ['scripts/storage/migrate.ts'], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
    let output = ''
    let killed = false
    const collect = (chunk: Buffer) => {
      output += chunk
      if (killAt && !killed && killAt.test(output)) {
        killed = true
        process.kill(-child.pid!, 'SIGKILL')
      }
    }
    child.stdout.on('data', collect)
    child.stderr.on('data', collect)
    child.once('error', fail)
    child.once('exit', code => done({ code, output, killed }))
  })
}

describe('npm run storage:migrate', () => {
  let scratch: string
  let s3: RunningS3
  let env: Record<string, string>
  const storage = () => join(scratch, 'storage')
  const uploads = Array.from({ length: 6 }, () => ({ key: key(), bytes: randomBytes(3 * 1024 * 1024) }))
  const thumbnail = { key: `${uploads[0]!.key}.jpg`, bytes: randomBytes(20_000) }
  const unfinished = { key: key(), bytes: randomBytes(100_000) }

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'lectern-migrate-'))
    mkdirSync(join(storage(), 'files'), { recursive: true })
    mkdirSync(join(storage(), 'thumbnails'), { recursive: true })
    for (const upload of uploads) writeFileSync(join(storage(), 'files', upload.key), upload.bytes)
    // A finished upload keeps tus's record beside it; an unfinished one is shorter than its record says.
    writeFileSync(join(storage(), 'files', `${uploads[1]!.key}.json`), JSON.stringify({ id: uploads[1]!.key, size: uploads[1]!.bytes.length, offset: uploads[1]!.bytes.length }))
    writeFileSync(join(storage(), 'files', unfinished.key), unfinished.bytes)
    writeFileSync(join(storage(), 'files', `${unfinished.key}.json`), JSON.stringify({ id: unfinished.key, size: 5_000_000, offset: unfinished.bytes.length }))
    writeFileSync(join(storage(), 'thumbnails', thumbnail.key), thumbnail.bytes)
    s3 = await startS3Server(join(scratch, 's3'))
    env = { ...s3.env, LECTERN_STORAGE_DIR: storage(), LECTERN_DATA_DIR: join(scratch, 'data') }
  })
  afterAll(async () => {
    await s3?.stop()
    rmSync(scratch, { recursive: true, force: true })
  })

  const expected = () => [...uploads, thumbnail]
  const inBucket = async () => (await s3.keys('')).sort()

  it('killed halfway, changes nothing but whole verified objects; run again, finishes and keeps them; a differing object is copied again', { timeout: 120_000 }, async () => {
    const before = snapshot(storage())

    const stopped = await migrate(env, /^\[1\/7\] .*verified/m)
    expect(stopped.killed, stopped.output).toBe(true)
    expect(snapshot(storage())).toEqual(before)
    const partial = await inBucket()
    expect(partial.length).toBeGreaterThan(0)
    expect(partial.length).toBeLessThan(expected().length)
    for (const name of partial) {
      const local = expected().find(object => object.key === name)
      expect(local, `${name} is not one of the local objects`).toBeDefined()
      expect(hashOf((await s3.bytes(name))!)).toBe(hashOf(local!.bytes))
    }

    const finished = await migrate(env)
    expect(finished.code, finished.output).toBe(0)
    expect(finished.output).toContain(`${expected().length - partial.length} copied, ${partial.length} already there, 1 unfinished left on disk, 0 failed`)
    expect(finished.output).toContain(`not copied, an unfinished upload: ${unfinished.key}`)
    expect(await inBucket()).toEqual(expected().map(object => object.key).sort())
    for (const object of expected()) expect(hashOf((await s3.bytes(object.key))!)).toBe(hashOf(object.bytes))
    expect(snapshot(storage())).toEqual(before)

    // Same size, other bytes: the read-back checksum catches it and the object is copied again.
    await s3.client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: uploads[2]!.key, Body: randomBytes(uploads[2]!.bytes.length) }))
    const again = await migrate(env)
    expect(again.code, again.output).toBe(0)
    expect(again.output).toMatch(new RegExp(`${uploads[2]!.key} 3\\.0 MiB: copied`))
    expect(again.output).toContain(`1 copied, ${expected().length - 1} already there`)
    expect(hashOf((await s3.bytes(uploads[2]!.key))!)).toBe(hashOf(uploads[2]!.bytes))
    expect(snapshot(storage())).toEqual(before)
  })

  it('refuses to run without a bucket to copy to', async () => {
    const refused = await migrate({ LECTERN_STORAGE_DIR: storage(), LECTERN_DATA_DIR: join(scratch, 'data'), LECTERN_S3_BUCKET: '' })
    expect(refused.code).toBe(2)
    expect(refused.output).toContain('set LECTERN_S3_BUCKET')
  })
})
