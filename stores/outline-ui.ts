// UI state of the outline editor (a course's chapters and lessons): what is being renamed inline, which
// form for a new lesson is open, what is being dragged, which lesson plays in the preview, whose
// captions are open, and which chapters and lessons are marked for deletion until "Save changes". Ids and flags only; chapters and
// lessons come from Vue Query.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'

export type OutlineItemKind = 'chapter' | 'lesson'

export const useOutlineUiStore = defineStore('outline-ui', () => {
  const editing = ref<{ kind: OutlineItemKind, id: string } | null>(null)
  const addingLessonTo = ref<string | null>(null)
  const dragging = ref<{ kind: OutlineItemKind, id: string } | null>(null)
  const pendingChapterIds = ref(new Set<string>())
  const pendingLessonIds = ref(new Set<string>())
  /** The lesson playing in the preview dialog. */
  const previewLessonId = ref<string | null>(null)
  /** The lesson whose captions panel is open (one at a time). */
  const captionsLessonId = ref<string | null>(null)

  const pendingCount = computed(() => pendingChapterIds.value.size + pendingLessonIds.value.size)

  function startEditing(kind: OutlineItemKind, id: string) {
    editing.value = { kind, id }
  }
  function stopEditing() {
    editing.value = null
  }
  const isEditing = (kind: OutlineItemKind, id: string) => editing.value?.kind === kind && editing.value.id === id

  function openAddLesson(chapterId: string) {
    addingLessonTo.value = chapterId
  }
  function closeAddLesson() {
    addingLessonTo.value = null
  }

  function startDrag(kind: OutlineItemKind, id: string) {
    dragging.value = { kind, id }
  }
  function endDrag() {
    dragging.value = null
  }

  const setFor = (kind: OutlineItemKind) => (kind === 'chapter' ? pendingChapterIds : pendingLessonIds)
  const isPendingDelete = (kind: OutlineItemKind, id: string) => setFor(kind).value.has(id)

  /** Marks an item for deletion (or unmarks it: "Undo"). */
  function togglePendingDelete(kind: OutlineItemKind, id: string) {
    const set = new Set(setFor(kind).value)
    if (!set.delete(id)) set.add(id)
    setFor(kind).value = set
    if (isEditing(kind, id)) stopEditing()
  }

  /** Marks several items at once (a selection): each stays undoable on its own, like a single mark. */
  function markPendingDelete(kind: OutlineItemKind, ids: Iterable<string>) {
    const set = new Set(setFor(kind).value)
    for (const id of ids) set.add(id)
    setFor(kind).value = set
    if (editing.value?.kind === kind && set.has(editing.value.id)) stopEditing()
  }

  /** After a successful batch delete, or when items vanished elsewhere. */
  function clearPending(ids: { chapterIds?: string[], lessonIds?: string[] }) {
    const chapters = new Set(pendingChapterIds.value)
    const lessons = new Set(pendingLessonIds.value)
    for (const id of ids.chapterIds ?? []) chapters.delete(id)
    for (const id of ids.lessonIds ?? []) lessons.delete(id)
    pendingChapterIds.value = chapters
    pendingLessonIds.value = lessons
  }

  function openPreview(lessonId: string) {
    previewLessonId.value = lessonId
  }
  function closePreview() {
    previewLessonId.value = null
  }

  function toggleCaptions(lessonId: string) {
    captionsLessonId.value = captionsLessonId.value === lessonId ? null : lessonId
  }

  function $reset() {
    previewLessonId.value = null
    captionsLessonId.value = null
    editing.value = null
    addingLessonTo.value = null
    dragging.value = null
    pendingChapterIds.value = new Set()
    pendingLessonIds.value = new Set()
  }

  return {
    editing, addingLessonTo, dragging, pendingChapterIds, pendingLessonIds, pendingCount, previewLessonId, openPreview, closePreview, captionsLessonId, toggleCaptions,
    startEditing, stopEditing, isEditing, openAddLesson, closeAddLesson, startDrag, endDrag,
    isPendingDelete, togglePendingDelete, markPendingDelete, clearPending, $reset,
  }
})
