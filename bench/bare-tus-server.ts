// Baseline for upload.bench.ts: a bare @tus/server with its file store on Node's http, in its own
// process like Lectern. Prints its port when listening.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Server } from '@tus/server'
import { FileStore } from '@tus/file-store'

const tus = new Server({ path: '/files', datastore: new FileStore({ directory: process.argv[2]! }) })
const server = createServer((req, res) => void tus.handle(req, res))
server.listen(0, '127.0.0.1', () => console.log((server.address() as AddressInfo).port))
process.on('SIGTERM', () => process.exit(0))
