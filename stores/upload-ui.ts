// The uploader's UI state in this tab: which files are queued, uploading, paused or failed, for
// which chapter, lesson or conversation. Labels and flags only; the bytes received come from Vue
// Query (progress events), and the lessons and attachments themselves from their queries.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { UploadTarget } from '../composables/uploads/upload-target'

/**
 * retrying: the connection dropped; the upload goes on by itself (after a back-off, or as soon as
 * the browser is online). failed: the retries are used up, Retry is the user's. refused: the
 * server said no (type, size, content): retrying would not help.
 */
export type UploadState = 'queued' | 'uploading' | 'retrying' | 'paused' | 'failed' | 'refused'

export interface UploadEntry {
  operationId: string
  target: UploadTarget
  /**
   * What the upload fills: the lesson id or the attachment id. Known once the server
   * created the upload (or from the start when replacing a lesson's file).
   */
  resourceId: string | null
  fileName: string
  sizeBytes: number
  /** A lesson's upload that replaces its ready video (the server says so when it creates the upload). */
  replacement?: boolean
  state: UploadState
  message?: string
  /** While retrying: when the next attempt starts (ms since epoch), or null while the browser is offline. */
  retryAt?: number | null
}

export const useUploadUiStore = defineStore('upload-ui', () => {
  const entries = ref<Record<string, UploadEntry>>({})

  const list = computed(() => Object.values(entries.value))
  const forLesson = (lessonId: string) => list.value.find(e => e.target.kind === 'lesson' && e.resourceId === lessonId)
  /** Files waiting for their turn that have no lesson yet: shown at the end of their chapter. */
  const waitingInChapter = (chapterId: string) => list.value.filter(e => e.target.kind === 'lesson' && e.target.chapterId === chapterId && !e.resourceId)
  /** A conversation's attachment uploads in this tab (the composer shows the ones not created yet, and failures). */
  const inConversation = (conversationId: string) => list.value.filter(e => e.target.kind === 'attachment' && e.target.conversationId === conversationId)
  const countIn = (...states: UploadState[]) => list.value.filter(e => states.includes(e.state)).length

  function add(entry: UploadEntry) {
    entries.value = { ...entries.value, [entry.operationId]: entry }
  }
  function update(operationId: string, patch: Partial<UploadEntry>) {
    const current = entries.value[operationId]
    if (current) entries.value = { ...entries.value, [operationId]: { ...current, ...patch } }
  }
  function remove(operationId: string) {
    const { [operationId]: _removed, ...rest } = entries.value
    entries.value = rest
  }

  return { entries, list, forLesson, waitingInChapter, inConversation, countIn, add, update, remove }
})
