// Presence as this instance sees it: the tabs (sockets) each user has open here and whether each
// is visible. A user is online here while any tab here is visible, away while every tab here is
// hidden, offline with none. Whenever that changes, the store (presence-store.ts, or Redis with
// REDIS_URL) records it and announces the user's overall status to their counterparts.
//
// One user's changes reach the store one at a time, and each sync records the status as it is
// when the sync runs, not when it was asked for: a burst (a tab closed while another is hidden)
// ends on the right status even though looking up the audience takes a database round trip.
import type { Peer } from 'crossws'
import type { PresenceMap, PresenceStatus, TabVisibility } from '#shared/schemas/presence'
import { listCounterparts } from '../services/conversation/list-counterparts'
import { lecternConfig } from '../utils/config'
import { inProcessPresenceStore } from './presence-store'
import type { PresenceStore, PresenceStoreOptions } from './presence-store'
import { redisPresenceStore } from './presence-redis'

const tabs = new Map<string, Map<Peer, TabVisibility>>()
const ownerOf = new Map<Peer, string>()
/** What the store last recorded for each user from this instance (absent: offline). */
const recorded = new Map<string, PresenceStatus>()
const syncing = new Map<string, Promise<void>>()
const dirty = new Set<string>()
let store: PresenceStore | undefined
let stopping = false

// Who hears of a user's changes, kept for a minute: tab switching must not cost a database query
// each time, and at shutdown (the database may already be closed) the last known audience is
// still there to tell. Someone who gains a conversation meanwhile hears of it within the minute,
// and any page they open asks GET /api/presence for the current status anyway.
const AUDIENCE_TTL_MS = 60_000
const audiences = new Map<string, { userIds: string[], at: number }>()

async function audienceOf(userId: string): Promise<string[]> {
  const cached = audiences.get(userId)
  if (cached && (stopping || Date.now() - cached.at < AUDIENCE_TTL_MS)) return cached.userIds
  const userIds = await listCounterparts(userId)
  if (audiences.size > 10_000) audiences.clear()
  audiences.set(userId, { userIds, at: Date.now() })
  return userIds
}

function usePresenceStore(): PresenceStore {
  if (!store) {
    const options: PresenceStoreOptions = { audienceOf, onRevived: recordAllAgain, heartbeatMs: lecternConfig().presenceHeartbeatMs }
    const { redisUrl } = lecternConfig()
    store = redisUrl ? redisPresenceStore(redisUrl, options) : inProcessPresenceStore(options)
  }
  return store
}

function localStatus(userId: string): PresenceStatus {
  const states = tabs.get(userId)
  if (!states?.size) return 'offline'
  for (const state of states.values()) if (state === 'visible') return 'online'
  return 'away'
}

function changed(userId: string): void {
  dirty.add(userId)
  if (syncing.has(userId)) return // the running sync looks again before it ends
  const done = sync(userId).finally(() => {
    syncing.delete(userId)
    if (dirty.has(userId)) changed(userId) // asked for after the sync's last look
  })
  syncing.set(userId, done)
}

async function sync(userId: string): Promise<void> {
  while (dirty.delete(userId)) {
    const status = localStatus(userId)
    if ((recorded.get(userId) ?? 'offline') === status) continue
    try {
      await usePresenceStore().record(userId, status)
      if (status === 'offline') {
        recorded.delete(userId)
        if (!tabs.has(userId)) audiences.delete(userId)
      }
      else {
        recorded.set(userId, status)
      }
    }
    catch (error) {
      console.error(`[presence] could not record ${userId}: ${(error as Error).message}`)
    }
  }
}

function recordAllAgain(): void {
  recorded.clear()
  for (const userId of tabs.keys()) changed(userId)
}

/** A socket opened: a tab counts as visible until it says otherwise. */
export function tabOpened(peer: Peer, userId: string): void {
  ownerOf.set(peer, userId)
  let states = tabs.get(userId)
  if (!states) tabs.set(userId, states = new Map())
  states.set(peer, 'visible')
  changed(userId)
}

export function tabVisibility(peer: Peer, state: TabVisibility): void {
  const userId = ownerOf.get(peer)
  const states = userId ? tabs.get(userId) : undefined
  if (!userId || !states || states.get(peer) === state) return
  states.set(peer, state)
  changed(userId)
}

/** A socket closed (or failed); safe to call twice. */
export function tabClosed(peer: Peer): void {
  const userId = ownerOf.get(peer)
  if (!userId) return
  ownerOf.delete(peer)
  const states = tabs.get(userId)
  states?.delete(peer)
  if (!states?.size) tabs.delete(userId)
  changed(userId)
}

/** Overall presence of these users, across instances. */
export function presenceOf(userIds: string[]): Promise<PresenceMap> {
  return usePresenceStore().statuses(userIds)
}

/** Starts the store with the server (with Redis, its heartbeat begins). */
export function startPresence(): PresenceStore['kind'] {
  return usePresenceStore().kind
}

/**
 * The server is stopping: its users' tabs here are gone, so each is recorded offline here (and
 * announced if that makes them offline overall), then this instance leaves the store.
 */
export async function stopPresence(): Promise<void> {
  if (!store) return
  stopping = true
  for (const peer of [...ownerOf.keys()]) tabClosed(peer)
  while (syncing.size) await Promise.all(syncing.values())
  await store.close()
  store = undefined
  stopping = false
}
