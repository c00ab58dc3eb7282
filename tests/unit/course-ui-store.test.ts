import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useCourseUiStore } from '../../stores/course-ui'

describe('useCourseUiStore', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('opens and closes the create dialog', () => {
    const ui = useCourseUiStore()
    expect(ui.isCreateDialogOpen).toBe(false)
    ui.openCreateDialog()
    expect(ui.isCreateDialogOpen).toBe(true)
    ui.closeCreateDialog()
    expect(ui.isCreateDialogOpen).toBe(false)
  })

  it('remembers which course is being deleted by id only', () => {
    const ui = useCourseUiStore()
    ui.askToDelete('course-1')
    expect(ui.deletingCourseId).toBe('course-1')
    ui.cancelDelete()
    expect(ui.deletingCourseId).toBeNull()
  })

  it('forgets everything when the page is left', () => {
    const ui = useCourseUiStore()
    ui.openCreateDialog()
    ui.askToDelete('course-1')
    ui.$reset()
    expect(ui.isCreateDialogOpen).toBe(false)
    expect(ui.deletingCourseId).toBeNull()
  })
})
