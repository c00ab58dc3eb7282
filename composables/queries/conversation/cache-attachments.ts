// How attachment events land in the caches: progress and new state of my unsent files (the
// composer's list), and processing results of files already sent (inside their messages, and
// wherever a later message points at them).
import type { QueryClient } from '@tanstack/vue-query'
import type { RealtimeEventOf } from '#shared/realtime/events'
import type { MessageAttachment, PendingAttachment } from '#shared/types/conversation'
import { conversationKeys } from './keys'
import { updateStreams } from './cache'
import type { StreamData } from './cache'

export function attachmentProgressed(client: QueryClient, { conversationId, attachmentId, data }: RealtimeEventOf<'attachment-progress'>): void {
  client.setQueryData<PendingAttachment[]>(conversationKeys.unsentAttachments(conversationId), list => list?.map(a => (a.id === attachmentId && data.bytes > a.receivedBytes ? { ...a, receivedBytes: data.bytes } : a)))
}

export function attachmentUpdated(client: QueryClient, { conversationId, messageId, attachment }: RealtimeEventOf<'attachment-updated'>): void {
  if (messageId === null) {
    const key = conversationKeys.unsentAttachments(conversationId)
    // A query not loaded yet will fetch it; an unknown one is new (created in another tab).
    if (!client.getQueryData(key)) return
    client.setQueryData<PendingAttachment[]>(key, (list = []) => {
      const known = list.find(a => a.id === attachment.id)
      // Bytes only grow; a "processing" or "ready" file has them all.
      const receivedBytes = attachment.status === 'UPLOADING' ? known?.receivedBytes ?? 0 : attachment.sizeBytes
      return known ? list.map(a => (a.id === attachment.id ? { ...attachment, receivedBytes } : a)) : [...list, { ...attachment, receivedBytes }]
    })
    return
  }
  updateStreams(client, conversationId, data => withAttachment(data, attachment))
}

function withAttachment(data: StreamData | undefined, attachment: MessageAttachment): StreamData | undefined {
  if (!data) return data
  const replace = (a: MessageAttachment) => (a.id === attachment.id ? attachment : a)
  return {
    ...data,
    pages: data.pages.map(page => ({
      ...page,
      messages: page.messages.map(m => ({
        ...m,
        attachments: m.attachments.map(replace),
        reference: m.reference?.attachment ? { ...m.reference, attachment: replace(m.reference.attachment) } : m.reference,
      })),
    })),
  }
}

/** A sent attachment in the loaded stream (for a reference drawn before the server answers). */
export function findSentAttachment(data: StreamData | undefined, attachmentId: string): { messageId: string, attachment: MessageAttachment } | null {
  for (const page of data?.pages ?? []) {
    for (const message of page.messages) {
      const attachment = message.attachments.find(a => a.id === attachmentId)
      if (attachment) return { messageId: message.id, attachment }
    }
  }
  return null
}
