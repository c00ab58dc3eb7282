import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useOutlineUiStore } from '../../stores/outline-ui'

describe('useOutlineUiStore', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('marks and unmarks pending deletes, counting chapters and lessons', () => {
    const ui = useOutlineUiStore()
    ui.togglePendingDelete('chapter', 'c1')
    ui.togglePendingDelete('lesson', 'v1')
    ui.togglePendingDelete('lesson', 'v2')
    expect(ui.pendingCount).toBe(3)
    expect(ui.isPendingDelete('lesson', 'v1')).toBe(true)
    expect(ui.isPendingDelete('chapter', 'v1')).toBe(false)
    ui.togglePendingDelete('lesson', 'v1') // Undo
    expect(ui.isPendingDelete('lesson', 'v1')).toBe(false)
    expect(ui.pendingCount).toBe(2)
  })

  it('clears only the pending deletes that were saved or vanished', () => {
    const ui = useOutlineUiStore()
    ui.togglePendingDelete('chapter', 'c1')
    ui.togglePendingDelete('lesson', 'v1')
    ui.togglePendingDelete('lesson', 'v2')
    ui.clearPending({ chapterIds: ['c1'], lessonIds: ['v1'] })
    expect([...ui.pendingChapterIds]).toEqual([])
    expect([...ui.pendingLessonIds]).toEqual(['v2'])
  })

  it('edits one item at a time, and marking it for deletion ends its edit', () => {
    const ui = useOutlineUiStore()
    ui.startEditing('chapter', 'c1')
    ui.startEditing('lesson', 'v1')
    expect(ui.isEditing('chapter', 'c1')).toBe(false)
    expect(ui.isEditing('lesson', 'v1')).toBe(true)
    ui.togglePendingDelete('lesson', 'v1')
    expect(ui.editing).toBeNull()
  })

  it('tracks the item being dragged and the open "add lesson" form, and forgets all on reset', () => {
    const ui = useOutlineUiStore()
    ui.startDrag('lesson', 'v1')
    ui.openAddLesson('c2')
    expect(ui.dragging).toEqual({ kind: 'lesson', id: 'v1' })
    expect(ui.addingLessonTo).toBe('c2')
    ui.togglePendingDelete('chapter', 'c1')
    ui.$reset()
    expect(ui.dragging).toBeNull()
    expect(ui.addingLessonTo).toBeNull()
    expect(ui.pendingCount).toBe(0)
  })

  it('marks a selection of lessons for deletion at once, each undoable alone, and stops renaming one of them', () => {
    const ui = useOutlineUiStore()
    ui.togglePendingDelete('lesson', 'v1')
    ui.startEditing('lesson', 'v3')
    ui.markPendingDelete('lesson', ['v1', 'v2', 'v3'])
    expect([...ui.pendingLessonIds].sort()).toEqual(['v1', 'v2', 'v3']) // v1 stays marked, not toggled off
    expect(ui.editing).toBeNull()
    ui.togglePendingDelete('lesson', 'v2')
    expect([...ui.pendingLessonIds].sort()).toEqual(['v1', 'v3'])
  })
})
