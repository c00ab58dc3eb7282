// The uploader's UI state in this tab: which files are queued, uploading, paused or failed, for
// which chapter or lesson. Labels and flags only; the bytes received come from Vue Query
// (upload-progress events), and the lessons themselves from the outline query.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'

export type UploadState = 'queued' | 'uploading' | 'paused' | 'failed'

export interface UploadEntry {
  operationId: string
  courseId: string
  chapterId: string
  /** Known once the server created the upload (or from the start when replacing a lesson's file). */
  videoId: string | null
  fileName: string
  sizeBytes: number
  state: UploadState
  message?: string
}

export const useUploadUiStore = defineStore('upload-ui', () => {
  const entries = ref<Record<string, UploadEntry>>({})

  const list = computed(() => Object.values(entries.value))
  const forVideo = (videoId: string) => list.value.find(e => e.videoId === videoId)
  /** Files waiting for their turn that have no lesson yet: shown at the end of their chapter. */
  const waitingInChapter = (chapterId: string) => list.value.filter(e => e.chapterId === chapterId && !e.videoId)
  const countIn = (state: UploadState) => list.value.filter(e => e.state === state).length

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

  return { entries, list, forVideo, waitingInChapter, countIn, add, update, remove }
})
