// Baseline for upload.bench.ts: the request body piped straight to a file, the CPU-bound ceiling
// here; argv[3] is the write buffer size (default, or 1 MiB). Prints its port when listening.
import { createWriteStream, mkdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'

const dir = process.argv[2]!
const highWaterMark = Number(process.argv[3]) || undefined
mkdirSync(dir, { recursive: true })
let n = 0
const server = createServer((req, res) => {
  // Each upload is removed once stored, so repeated rounds do not fill the disk.
  const path = join(dir, `upload-${process.pid}-${n++}`)
  const out = createWriteStream(path, highWaterMark ? { highWaterMark } : {})
  pipeline(req, out).then(() => res.end('ok'), () => res.writeHead(500).end()).finally(() => rmSync(path, { force: true }))
})
server.listen(0, '127.0.0.1', () => console.log((server.address() as AddressInfo).port))
process.on('SIGTERM', () => process.exit(0))
