// How a message lands in a conversation's stream caches, shared by the send mutation and socket
// events: each message once (by id, or by the sender's clientKey for our own optimistic one), in
// (targetDate, createdAt, id) order, in the loaded page that covers its key. A window only takes
// messages inside the span it has loaded, or beyond an end it has reached: a back-dated message
// older than everything loaded waits for "load older", and a new message after a window that stops
// short of the newest (a jump to a past day) waits for "load newer", so paging never repeats it.
// Also here: where a participant's read position lands in the conversation list ("Seen").
import type { InfiniteData, QueryClient } from '@tanstack/vue-query'
import type { ChatMessage, ConversationSummary, MessagePage } from '#shared/types/conversation'
import { conversationKeys } from './keys'

/**
 * A message as the stream shows it. Messages still in the outbox (outbox.ts) carry their state:
 * sending, waiting (for the connection, or for the server to take more), or failed (refused).
 */
export type StreamMessage = ChatMessage & { status?: 'sending' | 'waiting' | 'failed', waitingFor?: 'connection' | 'server' }
export type StreamPage = Omit<MessagePage, 'messages'> & { messages: StreamMessage[] }
/** Where a page starts: the newest (`{}`), a day, or either side of a cursor. */
export type StreamPageParam = { before?: string, after?: string, around?: string }
/** Pages: [newest, …, oldest], each oldest-first inside. */
export type StreamData = InfiniteData<StreamPage, StreamPageParam>

export const messageKey = (m: Pick<ChatMessage, 'targetDate' | 'createdAt' | 'id'>) => `${m.targetDate}|${m.createdAt}|${m.id}`

function without(data: StreamData, match: (m: StreamMessage) => boolean): StreamData {
  return { ...data, pages: data.pages.map(page => ({ ...page, messages: page.messages.filter(m => !match(m)) })) }
}

/** Does this window reach the newest message (nothing newer left to load)? */
export const reachesLatest = (data: StreamData | undefined) => !!data?.pages.length && data.pages[0]!.newerCursor === null

export function insertMessage(data: StreamData | undefined, message: StreamMessage): StreamData | undefined {
  if (!data?.pages.length) return data
  const same = (m: StreamMessage) => m.id === message.id || (!!message.clientKey && m.clientKey === message.clientKey && m.sender?.id === message.sender?.id)
  const rest = without(data, same)
  const key = messageKey(message)
  const newest = rest.pages.find(page => page.messages.length)?.messages.at(-1)
  if (newest && key > messageKey(newest) && !reachesLatest(rest)) return rest // fetched by "load newer"
  // The message goes to the newest page whose oldest message is not after it.
  let index = rest.pages.findIndex(page => page.messages.length && messageKey(page.messages[0]!) <= key)
  if (index === -1) {
    const last = rest.pages.at(-1)!
    if (last.olderCursor !== null) return rest // older than what is loaded: fetched when scrolled to
    index = rest.pages.length - 1
  }
  const pages = rest.pages.map((page, i) => {
    if (i !== index) return page
    const messages = [...page.messages, message].sort((a, b) => (messageKey(a) < messageKey(b) ? -1 : 1))
    return { ...page, messages }
  })
  return { ...rest, pages }
}

/** Applies a change to every loaded window of one conversation (latest, and around any day). */
export function updateStreams(client: QueryClient, conversationId: string, update: (data: StreamData | undefined) => StreamData | undefined): void {
  client.setQueriesData<StreamData>({ queryKey: conversationKeys.stream(conversationId) }, update)
}

/** A message from the server (the socket, or our own send's answer), into every window that covers it. */
export function messageReceived(client: QueryClient, message: ChatMessage): void {
  updateStreams(client, message.conversationId, data => insertMessage(data, message))
}

/**
 * A message whose visibility changed, from the server: where a window holds it, it is replaced in
 * place (its access moved); where it does not, it lands like a new one (an observer it was just
 * shared with), in the windows that cover it.
 */
export function messageChanged(client: QueryClient, message: ChatMessage): void {
  updateStreams(client, message.conversationId, (data) => {
    if (!data) return data
    const held = data.pages.some(page => page.messages.some(m => m.id === message.id))
    if (!held) return insertMessage(data, message)
    return { ...data, pages: data.pages.map(page => ({ ...page, messages: page.messages.map(m => (m.id === message.id ? { ...m, ...message } : m)) })) }
  })
}

/** A message the reader may no longer see (its visibility changed): it leaves every window. */
export function messageHidden(client: QueryClient, conversationId: string, messageId: string): void {
  updateStreams(client, conversationId, data => data && without(data, m => m.id === messageId))
}

/** The stream, oldest first, for drawing. */
export function flatten(data: StreamData | undefined): StreamMessage[] {
  return data ? [...data.pages].reverse().flatMap(page => page.messages) : []
}

/**
 * A participant's read position, into the conversation list (from the read event, or anything else
 * that learns of it): each participant's lastReadAt only moves forward (a late, older event never
 * takes a "Seen" back).
 */
export function readStateMoved(client: QueryClient, { conversationId, userId, lastReadAt }: { conversationId: string, userId: string, lastReadAt: string }): void {
  client.setQueryData<ConversationSummary[]>(conversationKeys.list(), list => list?.map((c) => {
    if (c.id !== conversationId || c.readerRole !== 'participant') return c
    const known = c.readState[userId]
    if (known && Date.parse(known) >= Date.parse(lastReadAt)) return c
    return { ...c, readState: { ...c.readState, [userId]: lastReadAt } }
  }))
}
