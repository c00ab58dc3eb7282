// The message composer: what it sends (Enter sends, Shift+Enter does not), what it refuses, the
// draft it keeps in local storage per conversation (restored on the next mount, gone after a
// send), and the audience sentence that says who will read the message.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { mountSuspended, registerEndpoint } from '@nuxt/test-utils/runtime'
import { defineEventHandler } from 'h3'
import type { SendMessageInput } from '#shared/schemas/conversation'
import ConversationComposer from '~/components/conversation/ConversationComposer.vue'
import { localToday } from '~/composables/forms/conversation'
import { draftKey } from '~/composables/forms/conversation-drafts'

const conversationId = 'conv-composer'

// The composer lists my files not sent yet: none here.
registerEndpoint(`/api/conversations/${conversationId}/attachments`, defineEventHandler(() => ({ success: true, data: [] })))

async function mountComposer(senderRole: 'student' | 'instructor' = 'student') {
  const wrapper = await mountSuspended(ConversationComposer, {
    props: { conversationId, senderRole, studentName: 'Ada', instructorName: 'Grace' },
  })
  await flushPromises()
  return { wrapper, body: wrapper.find<HTMLTextAreaElement>('textarea'), audience: () => wrapper.find('[data-testid="audience"]').text() }
}

describe('ConversationComposer', () => {
  beforeEach(() => {
    localStorage.clear()
  })

  it('sends a daily note on Enter, with an idempotency key, and empties itself', async () => {
    const { wrapper, body } = await mountComposer()
    await body.setValue('Finished chapter 2')
    // Shift+Enter is left to the browser (a new line); Enter is taken and sends.
    const press = (shiftKey: boolean) => {
      const event = new KeyboardEvent('keydown', { key: 'Enter', shiftKey, cancelable: true })
      body.element.dispatchEvent(event)
      return event.defaultPrevented
    }
    expect(press(true)).toBe(false)
    expect(press(false)).toBe(true)
    await vi.waitFor(() => expect(wrapper.emitted('send')).toHaveLength(1))
    const sent = wrapper.emitted<[SendMessageInput]>('send')![0]![0]
    expect(sent).toMatchObject({ type: 'DAILY_NOTE', body: 'Finished chapter 2', attachmentIds: [] })
    expect(sent.clientKey).toMatch(/^[\w-]{8,64}$/)
    expect(sent).not.toHaveProperty('access') // students do not choose the audience
    expect(body.element.value).toBe('')
    expect(localStorage.getItem(draftKey(conversationId))).toBeNull()
  })

  it('refuses an empty message and says why', async () => {
    const { wrapper, body } = await mountComposer()
    await body.trigger('keydown', { key: 'Enter' })
    await vi.waitFor(() => expect(wrapper.find('[role="alert"]').text()).toBe('Write something or attach a file'))
    expect(wrapper.emitted('send')).toBeUndefined()
  })

  it('refuses a day after the writer\'s own today, says so, and keeps the text', async () => {
    const { wrapper, body } = await mountComposer()
    await body.setValue('About tomorrow')
    const tomorrow = new Date(Date.now() + 24 * 3600_000)
    await wrapper.find<HTMLInputElement>('input[type="date"]').setValue(localToday(tomorrow))
    await body.trigger('keydown', { key: 'Enter' })
    await vi.waitFor(() => expect(wrapper.find('[role="alert"]').text()).toBe('A message can’t be about a day after today'))
    expect(wrapper.find('input[type="date"]').attributes('aria-invalid')).toBe('true')
    expect(wrapper.emitted('send')).toBeUndefined()
    expect(body.element.value).toBe('About tomorrow')
  })

  it('keeps what is typed as a draft of this conversation and restores it on the next visit', async () => {
    const first = await mountComposer()
    await first.body.setValue('Half a thought')
    await flushPromises()
    expect(JSON.parse(localStorage.getItem(draftKey(conversationId))!)).toMatchObject({ body: 'Half a thought' })
    first.wrapper.unmount()

    const again = await mountComposer()
    expect(again.body.element.value).toBe('Half a thought')
  })

  it('tells an instructor who will read the message, and sends that audience once', async () => {
    const { wrapper, body, audience } = await mountComposer('instructor')
    expect(audience()).toBe('Only Ada will read this.')
    await wrapper.find('select[aria-label="Who can read it"]').setValue('OBSERVERS')
    expect(audience()).toBe('Ada and their observers will read this.')

    await body.setValue('Well done this week')
    await wrapper.find('form').trigger('submit')
    await vi.waitFor(() => expect(wrapper.emitted('send')).toHaveLength(1))
    expect(wrapper.emitted('send')![0]![0]).toMatchObject({ type: 'INSTRUCTOR_RESPONSE', access: 'OBSERVERS' })
    expect(audience()).toBe('Only Ada will read this.') // chosen for one message, not carried on
  })
})
