// What the socket benchmarks share (ws.bench.ts, cluster.bench.ts): opening authenticated
// sockets subscribed to a channel, and measuring how long events take from the moment they are
// published to each socket that should receive them.
import WebSocket from 'ws'

export interface Target {
  name: string
  /** Where each socket connects: one address, or one per socket (round robin over instances). */
  wsUrl: string | ((i: number) => string)
  headers: Record<string, string>
  subscribe?: string
  publish: (seq: number) => Promise<void>
  /** The event's sequence number from the message a socket received (NaN when it is not one). */
  seqOf: (text: string) => number
}

export async function openSockets(target: Target, count: number): Promise<WebSocket[]> {
  const sockets: WebSocket[] = []
  for (let i = 0; i < count; i += 50) {
    const batch = Array.from({ length: Math.min(50, count - i) }, (_, j) => new Promise<WebSocket>((resolvePromise, reject) => {
      const url = typeof target.wsUrl === 'string' ? target.wsUrl : target.wsUrl(i + j)
      const ws = new WebSocket(url, { headers: target.headers })
      ws.once('error', reject)
      if (!target.subscribe) return ws.once('open', () => resolvePromise(ws))
      ws.on('message', function onMessage(data) {
        const message = JSON.parse(String(data))
        if (message.op === 'ready') ws.send(JSON.stringify({ op: 'subscribe', channel: target.subscribe }))
        if (message.op === 'subscribed') {
          ws.off('message', onMessage)
          resolvePromise(ws)
        }
      })
    }))
    sockets.push(...await Promise.all(batch))
  }
  return sockets
}

/**
 * `seconds` × `rate` events published at a steady rate (after one second of warm-up events, not
 * measured) to `sockets` sockets: delivery latency p50/p99, delivered/expected, the message size.
 */
export async function measureFanOut(target: Target, { sockets: count, seconds, rate }: { sockets: number, seconds: number, rate: number }) {
  const sockets = await openSockets(target, count)
  const sentAt = new Map<number, number>()
  const latencies: number[] = []
  let bytes = 0
  for (const ws of sockets) {
    ws.on('message', (data) => {
      const received = performance.now()
      const text = String(data)
      const sent = sentAt.get(target.seqOf(text))
      if (sent !== undefined) {
        latencies.push(received - sent)
        bytes = text.length
      }
    })
  }
  for (let i = 0; i < rate; i++) {
    await target.publish(1_000_000 + i)
    await new Promise(r => setTimeout(r, 1000 / rate))
  }
  const total = seconds * rate
  const started = performance.now()
  for (let seq = 0; seq < total; seq++) {
    const due = started + (seq * 1000) / rate
    const wait = due - performance.now()
    if (wait > 0) await new Promise(r => setTimeout(r, wait))
    sentAt.set(seq, performance.now())
    await target.publish(seq)
  }
  // Deliveries still in flight get a bounded grace period, then count as lost.
  const expected = total * sockets.length
  const deadline = performance.now() + 5000
  while (latencies.length < expected && performance.now() < deadline) await new Promise(r => setTimeout(r, 20))
  for (const ws of sockets) ws.terminate()
  latencies.sort((a, b) => a - b)
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? Number.NaN
  return { name: target.name, p50: pct(0.5), p99: pct(0.99), delivered: latencies.length, expected, bytes }
}

export type FanOutResult = Awaited<ReturnType<typeof measureFanOut>>

export const fanOutLine = (r: FanOutResult) =>
  `${r.name.padEnd(44)} p50 ${r.p50.toFixed(1).padStart(6)} ms   p99 ${r.p99.toFixed(1).padStart(6)} ms   delivered ${r.delivered}/${r.expected} (${((100 * r.delivered) / r.expected).toFixed(1)} %)   message ${r.bytes} B`
