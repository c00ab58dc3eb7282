// The course editor's details form as a person uses it: typing makes it dirty, "Save changes"
// makes it clean at once (before the server answers), and a refused save brings the unsaved
// state back with what was typed still in the inputs. Only the network is replaced.
import { describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { mountSuspended, registerEndpoint } from '@nuxt/test-utils/runtime'
import { defineEventHandler, readBody, setResponseStatus } from 'h3'
import type { Course } from '#shared/types/course'
import CourseEditor from '~/components/course/CourseEditor.vue'

const course: Course = {
  id: 'course-form', title: 'Go basics', slug: 'go-basics', description: 'Learn Go', category: 'Development',
  level: 'BEGINNER', language: 'en', priceCents: null, currency: 'USD', coverImageUrl: null, status: 'DRAFT',
  createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z', deletedAt: null,
}

/** The PATCH answers only when the test says so, so the state between save and answer can be seen. */
function holdSaves() {
  const sent: unknown[] = []
  let answer!: (result: { status: number, body: unknown }) => void
  registerEndpoint(`/api/courses/${course.id}`, {
    method: 'PATCH',
    handler: defineEventHandler(async (event) => {
      sent.push(await readBody(event))
      const result = await new Promise<{ status: number, body: unknown }>((resolve) => {
        answer = resolve
      })
      setResponseStatus(event, result.status)
      return result.body
    }),
  })
  return { sent, answer: (status: number, body: unknown) => answer({ status, body }) }
}

async function mountEditor() {
  const wrapper = await mountSuspended(CourseEditor, { props: { course, chapters: [] } })
  const saveBar = () => wrapper.find('.save-bar')
  const saveButton = () => saveBar().findAll('button').find(b => b.text().startsWith('Save changes'))!
  return { wrapper, saveBar, saveButton, title: wrapper.find<HTMLInputElement>('#course-title') }
}

describe('CourseEditor details form', () => {
  it('shows no save bar until something changes, then counts the change', async () => {
    const { saveBar, title } = await mountEditor()
    expect(saveBar().exists()).toBe(false)
    await title.setValue('Go, the good parts')
    await flushPromises()
    expect(saveBar().text()).toContain('1 unsaved change')
    await title.setValue(course.title)
    await flushPromises()
    expect(saveBar().exists()).toBe(false)
  })

  it('is clean as soon as Save is pressed and stays clean when the server accepts', async () => {
    const saves = holdSaves()
    const { wrapper, saveBar, saveButton, title } = await mountEditor()
    await title.setValue('Go, the good parts')
    await flushPromises()
    await saveButton().trigger('click')
    await vi.waitFor(() => expect(saves.sent).toHaveLength(1))
    expect(saves.sent).toEqual([{ title: 'Go, the good parts' }]) // only the changed field
    expect(saveBar().text()).toContain('Saving…')
    expect(saveBar().text()).not.toContain('unsaved')

    saves.answer(200, { success: true, data: { ...course, title: 'Go, the good parts', updatedAt: '2026-11-02T00:00:00.000Z' } })
    await vi.waitFor(() => expect(saveBar().exists()).toBe(false))
    expect(wrapper.find('[role="status"]').text()).toBe('All changes saved')
    expect(title.element.value).toBe('Go, the good parts')
  })

  it('goes back to unsaved, keeping the typed title, when the server refuses the save', async () => {
    const saves = holdSaves()
    const { saveBar, saveButton, title } = await mountEditor()
    await title.setValue('Go, the good parts')
    await flushPromises()
    await saveButton().trigger('click')
    await vi.waitFor(() => expect(saves.sent).toHaveLength(1))
    expect(saveBar().text()).not.toContain('unsaved')

    saves.answer(409, { success: false, error: { code: 'CONFLICT', message: 'Someone else saved first' } })
    await vi.waitFor(() => expect(saveBar().text()).toContain('1 unsaved change'))
    expect(title.element.value).toBe('Go, the good parts')
    expect(saveButton().attributes('disabled')).toBeUndefined()
  })
})
