import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useCourseListUiStore } from '../../stores/course-list-ui'

describe('useCourseListUiStore', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('opens and closes the create dialog', () => {
    const ui = useCourseListUiStore()
    expect(ui.isCreateDialogOpen).toBe(false)
    ui.openCreateDialog()
    expect(ui.isCreateDialogOpen).toBe(true)
    ui.closeCreateDialog()
    expect(ui.isCreateDialogOpen).toBe(false)
  })

  it('remembers which course is being deleted by id only', () => {
    const ui = useCourseListUiStore()
    ui.askToDelete('course-1')
    expect(ui.deletingCourseId).toBe('course-1')
    ui.cancelDelete()
    expect(ui.deletingCourseId).toBeNull()
  })

  it('forgets everything when the page is left', () => {
    const ui = useCourseListUiStore()
    ui.openCreateDialog()
    ui.askToDelete('course-1')
    ui.$reset()
    expect(ui.isCreateDialogOpen).toBe(false)
    expect(ui.deletingCourseId).toBeNull()
  })
})
