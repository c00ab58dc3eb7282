import { afterEach, describe, expect, it } from 'vitest'
import { lecternConfig } from '../../server/utils/config'
import { s3ClientConfig } from '../../server/storage/s3-store'
import { checkObjectKey, thumbnailKey } from '../../server/storage/keys'

const S3_VARIABLES = ['LECTERN_S3_BUCKET', 'LECTERN_S3_ENDPOINT', 'LECTERN_S3_REGION', 'LECTERN_S3_ACCESS_KEY_ID', 'LECTERN_S3_SECRET_ACCESS_KEY', 'LECTERN_S3_FORCE_PATH_STYLE']
const saved = Object.fromEntries(S3_VARIABLES.map(name => [name, process.env[name]]))
afterEach(() => {
  for (const name of S3_VARIABLES) {
    if (saved[name] === undefined) delete process.env[name]
    else process.env[name] = saved[name]
  }
})
const set = (values: Record<string, string>) => {
  for (const name of S3_VARIABLES) delete process.env[name]
  Object.assign(process.env, values)
}

describe('choosing where uploaded files live', () => {
  it('keeps files on local disk unless a bucket is named (an endpoint alone is not enough)', () => {
    set({})
    expect(lecternConfig().s3).toBeUndefined()
    set({ LECTERN_S3_ENDPOINT: 'http://minio:9000', LECTERN_S3_BUCKET: '' })
    expect(lecternConfig().s3).toBeUndefined()
  })

  it('reads the S3 settings, with AWS defaults for what is left out', () => {
    set({ LECTERN_S3_BUCKET: 'courses', LECTERN_S3_ENDPOINT: 'http://minio:9000', LECTERN_S3_ACCESS_KEY_ID: 'id', LECTERN_S3_SECRET_ACCESS_KEY: 'secret', LECTERN_S3_FORCE_PATH_STYLE: 'true' })
    expect(lecternConfig().s3).toEqual({ bucket: 'courses', endpoint: 'http://minio:9000', region: 'us-east-1', accessKeyId: 'id', secretAccessKey: 'secret', forcePathStyle: true })
    set({ LECTERN_S3_BUCKET: 'courses', LECTERN_S3_REGION: 'eu-west-3' })
    expect(lecternConfig().s3).toMatchObject({ endpoint: undefined, region: 'eu-west-3', accessKeyId: undefined, forcePathStyle: false })
  })

  it('refuses a path-style setting that is neither yes nor no at start-up', () => {
    set({ LECTERN_S3_BUCKET: 'courses', LECTERN_S3_FORCE_PATH_STYLE: 'yes please' })
    expect(() => lecternConfig()).toThrow(/LECTERN_S3_FORCE_PATH_STYLE must be 1 or 0/)
  })

  it('gives the SDK credentials only when keys are set, and never aws-chunked checksummed bodies', () => {
    const base = { bucket: 'b', region: 'us-east-1', forcePathStyle: true }
    expect(s3ClientConfig(base)).toEqual({ region: 'us-east-1', forcePathStyle: true, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' })
    expect(s3ClientConfig({ ...base, endpoint: 'http://minio:9000', accessKeyId: 'id', secretAccessKey: 's' })).toMatchObject({ endpoint: 'http://minio:9000', credentials: { accessKeyId: 'id', secretAccessKey: 's' } })
  })
})

describe('object keys', () => {
  it('are an upload id, or an upload id with suffixes for what it owns; nothing a user could aim elsewhere', () => {
    const id = 'a'.repeat(32)
    expect(thumbnailKey(id)).toBe(`${id}.jpg`)
    expect(checkObjectKey(`${id}.info`)).toBe(`${id}.info`)
    for (const bad of ['../etc/passwd', `${id}/../x`, 'A'.repeat(32), `${id}.JPG`, '', `x${id}`]) expect(() => checkObjectKey(bad)).toThrow(/not a storage key/)
    expect(() => thumbnailKey('short')).toThrow(/not an upload id/)
  })
})
