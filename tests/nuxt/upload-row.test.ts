// One upload row in each of its states: what it says, the bar, and which controls it offers
// (and emits) now. The row only shows and asks; the test plays the upload manager's part.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { mountSuspended } from '@nuxt/test-utils/runtime'
import UploadRow from '~/components/upload/UploadRow.vue'
import type { UploadRowState } from '~/composables/uploads/upload-row-state'

const MB = 1024 * 1024

async function mountRow(state: UploadRowState, extra: Record<string, unknown> = {}) {
  const wrapper = await mountSuspended(UploadRow, { props: { name: 'intro.mp4', state, bytes: 25 * MB, total: 100 * MB, ...extra } })
  return {
    wrapper,
    text: () => wrapper.find('.text').text(),
    buttons: () => wrapper.findAll('button').map(b => b.text()),
    press: (label: string) => wrapper.findAll('button').find(b => b.text() === label)!.trigger('click'),
  }
}

describe('UploadRow', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('shows progress, speed and time left while uploading, with Pause and Cancel', async () => {
    const { wrapper, text, buttons, press } = await mountRow('uploading', { bytesPerSecond: 5 * MB })
    expect(wrapper.find('[role="progressbar"]').attributes('aria-valuenow')).toBe('25')
    expect(text()).toBe('25% · 25 MB of 100 MB · 5.0 MB/s · 15 s left')
    expect(buttons()).toEqual(['Pause', 'Cancel'])
    await press('Pause')
    await press('Cancel')
    expect(wrapper.emitted('pause')).toHaveLength(1)
    expect(wrapper.emitted('cancel')).toHaveLength(1)
  })

  it('says "Starting…" before the first byte is acknowledged', async () => {
    const { text } = await mountRow('uploading', { bytes: 0 })
    expect(text()).toBe('Starting…')
  })

  it('counts down to the next attempt after a lost connection, and waits for the network when offline', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-01T12:00:00Z'), toFake: ['Date', 'setInterval', 'clearInterval'] })
    const { wrapper, text, buttons } = await mountRow('retrying', { retryAt: Date.now() + 5_000 })
    expect(text()).toBe('Connection lost at 25% · trying again in 5 s')
    expect(buttons()).toEqual(['Pause', 'Cancel']) // no Retry: it retries by itself
    vi.advanceTimersByTime(2_000)
    await nextTick()
    expect(text()).toBe('Connection lost at 25% · trying again in 3 s')

    await wrapper.setProps({ retryAt: null })
    expect(text()).toBe('Offline at 25% · continues when you are back online')
  })

  it('shows the server\'s "busy" words with the countdown while rate limited', async () => {
    const { text } = await mountRow('retrying', { retryAt: Date.now() + 30_000, message: 'Too many uploads at once. Try again in 30 s.' })
    expect(text()).toMatch(/^Too many uploads at once · continues in (29|30) s$/)
  })

  it('offers Resume when paused and Retry once the retries are used up', async () => {
    const paused = await mountRow('paused')
    expect(paused.text()).toBe('Paused at 25%')
    expect(paused.buttons()).toEqual(['Resume', 'Cancel'])
    await paused.press('Resume')
    expect(paused.wrapper.emitted('resume')).toHaveLength(1)

    const failed = await mountRow('failed', { message: 'The upload stopped: the server did not answer.' })
    expect(failed.wrapper.find('[role="alert"]').text()).toBe('The upload stopped: the server did not answer.')
    expect(failed.buttons()).toEqual(['Retry', 'Cancel'])
    await failed.press('Retry')
    expect(failed.wrapper.emitted('retry')).toHaveLength(1)
  })

  it('gives a refused file its reason and a Dismiss, with no bar and no Retry', async () => {
    const { wrapper, buttons, press } = await mountRow('refused', { message: 'This file type is not accepted here.' })
    expect(wrapper.find('[role="progressbar"]').exists()).toBe(false)
    expect(wrapper.find('[role="alert"]').text()).toBe('This file type is not accepted here.')
    expect(buttons()).toEqual(['Dismiss'])
    await press('Dismiss')
    expect(wrapper.emitted('cancel')).toHaveLength(1)
  })

  it('asks for the same file to continue an interrupted upload and hands the picked file on', async () => {
    const { wrapper, text, buttons, press } = await mountRow('interrupted', { canDiscard: true })
    expect(text()).toBe('Interrupted at 25% · pick the same file to continue')
    expect(buttons()).toEqual(['Pick the same file', 'Discard'])
    const input = wrapper.find<HTMLInputElement>('input[type="file"]')
    const file = new File(['x'], 'intro.mp4', { type: 'video/mp4' })
    Object.defineProperty(input.element, 'files', { value: [file], configurable: true })
    await input.trigger('change')
    expect(wrapper.emitted('pick')).toEqual([[file]])
    await press('Discard')
    expect(wrapper.emitted('discard')).toHaveLength(1)
  })

  it('only shows the progress of an upload another tab is sending, with nothing to press', async () => {
    const { text, buttons } = await mountRow('elsewhere', { bytes: 60 * MB })
    expect(text()).toBe('Uploading in another tab · 60%')
    expect(buttons()).toEqual([])
  })
})
