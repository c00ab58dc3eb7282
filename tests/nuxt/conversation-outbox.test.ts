// The composer and its outbox together: a message written while offline waits in the outbox (no
// request goes out) and is sent, in the order written, when the connection returns; a refused one
// stays as failed until retried. The harness wires them as the conversation page does (composer's
// `send` → useSendMessage; the outbox's bubbles from useOutbox); only the network is replaced.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { mountSuspended, registerEndpoint } from '@nuxt/test-utils/runtime'
import { onlineManager } from '@tanstack/vue-query'
import { defineEventHandler, readBody, setResponseStatus } from 'h3'
import type { SendMessageInput } from '#shared/schemas/conversation'
import type { ChatMessage } from '#shared/types/conversation'
import ConversationComposer from '~/components/conversation/ConversationComposer.vue'
import { useOutboxActions, useSendMessage } from '~/composables/queries/conversation/mutations'
import { useOutbox } from '~/composables/queries/conversation/outbox'

const conversationId = 'conv-outbox'
const me = { id: 'student-1', name: 'Ada', role: 'STUDENT' }

registerEndpoint(`/api/conversations/${conversationId}/attachments`, defineEventHandler(() => ({ success: true, data: [] })))

/** The server: records each send; `refuse` makes it answer 422 to bodies that contain the word. */
function serveMessages(refuse?: string) {
  const received: SendMessageInput[] = []
  registerEndpoint(`/api/conversations/${conversationId}/messages`, {
    method: 'POST',
    handler: defineEventHandler(async (event) => {
      const input = await readBody<SendMessageInput>(event)
      received.push(input)
      if (refuse && input.body.includes(refuse)) {
        setResponseStatus(event, 422)
        return { success: false, error: { code: 'VALIDATION', message: 'Not allowed' } }
      }
      const message: ChatMessage = {
        id: `m-${received.length}`, conversationId, type: input.type, body: input.body, targetDate: input.targetDate,
        createdAt: new Date().toISOString(), sender: me as ChatMessage['sender'], courseId: null, payload: {},
        access: 'PARTICIPANTS', clientKey: input.clientKey, attachments: [], reference: null,
      }
      return { success: true, data: message }
    }),
  })
  return received
}

const Harness = defineComponent({
  setup() {
    const send = useSendMessage(conversationId, () => me as ChatMessage['sender'])
    const outbox = useOutbox(conversationId)
    const actions = useOutboxActions()
    return () => h('div', [
      h(ConversationComposer, {
        conversationId, senderRole: 'student', studentName: 'Ada', instructorName: 'Grace',
        onSend: (input: SendMessageInput) => void send(input).catch(() => {}),
      }),
      h('ol', { 'data-testid': 'outbox' }, outbox.value.map(m => h('li', { 'data-status': m.status, 'data-waiting': m.waitingFor }, [
        m.body,
        m.status === 'failed' ? h('button', { onClick: () => actions.retry(m.clientKey!) }, 'Retry') : null,
      ]))),
    ])
  },
})

async function mountHarness() {
  const wrapper = await mountSuspended(Harness)
  const body = wrapper.find<HTMLTextAreaElement>('textarea')
  const write = async (text: string) => {
    await body.setValue(text)
    await wrapper.find('form').trigger('submit')
    await vi.waitFor(() => expect(body.element.value).toBe(''))
  }
  const bubbles = () => wrapper.findAll('[data-testid="outbox"] li').map(li => ({ text: li.text().replace(/Retry$/, ''), status: li.attributes('data-status'), waiting: li.attributes('data-waiting') }))
  return { wrapper, write, bubbles }
}

describe('the composer\'s outbox', () => {
  afterEach(() => {
    onlineManager.setOnline(true)
  })

  it('keeps messages written offline waiting, sends none, then sends them in order when back online', async () => {
    const received = serveMessages()
    const { write, bubbles } = await mountHarness()
    onlineManager.setOnline(false)
    await write('first')
    await write('second')
    await vi.waitFor(() => expect(bubbles()).toEqual([
      { text: 'first', status: 'waiting', waiting: 'connection' },
      { text: 'second', status: 'waiting', waiting: 'connection' },
    ]))
    expect(received).toEqual([])

    onlineManager.setOnline(true)
    await vi.waitFor(() => expect(bubbles()).toEqual([]))
    expect(received.map(r => r.body)).toEqual(['first', 'second'])
  })

  it('shows a refused message as failed, and Retry sends it again with the same key', async () => {
    const received = serveMessages('forbidden')
    const { wrapper, write, bubbles } = await mountHarness()
    await write('a forbidden word')
    await vi.waitFor(() => expect(bubbles()).toEqual([{ text: 'a forbidden word', status: 'failed', waiting: undefined }]))

    await wrapper.find('[data-testid="outbox"] button').trigger('click')
    await vi.waitFor(() => expect(received).toHaveLength(2))
    expect(received[1]!.clientKey).toBe(received[0]!.clientKey)
    await vi.waitFor(() => expect(bubbles()[0]?.status).toBe('failed'))
  })
})
