// The baseline for ws.bench.ts: a bare crossws server on Node's http, in its own process like
// Lectern's, that sends each POSTed event to every socket. Prints its port when listening.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import crossws from 'crossws/adapters/node'
import type { Peer } from 'crossws'

const peers = new Set<Peer>()
const ws = crossws({ hooks: { open: peer => void peers.add(peer), close: peer => void peers.delete(peer) } })
const server = createServer((request, response) => {
  let body = ''
  request.on('data', (chunk) => {
    body += chunk
  })
  request.on('end', () => {
    const text = JSON.stringify({ op: 'event', event: JSON.parse(body) })
    for (const peer of peers) peer.send(text)
    response.end('{}')
  })
})
server.on('upgrade', (request, socket, head) => ws.handleUpgrade(request, socket, head))
server.listen(0, '127.0.0.1', () => console.log((server.address() as AddressInfo).port))
process.on('SIGTERM', () => process.exit(0))
