// The player's toolbar over the preferences and player UI stores: the speed it shows and
// remembers, what it announces, picture-in-picture only where the browser has it, the shortcuts
// help. Keys and the video itself are the browser test's (tests/e2e/player.test.ts).
import { beforeEach, describe, expect, it } from 'vitest'
import { mountSuspended } from '@nuxt/test-utils/runtime'
import LearningPlayerControls from '~/components/learning/LearningPlayerControls.vue'
import { usePlayerUiStore } from '~/stores/player-ui'
import { usePreferencesUiStore } from '~/stores/preferences-ui'

async function mountControls() {
  const video = document.createElement('video')
  const wrapper = await mountSuspended(LearningPlayerControls, { props: { video }, slots: { default: () => 'lesson navigation' } })
  return { wrapper, video, status: () => wrapper.find('[role="status"]').text() }
}

describe('LearningPlayerControls', () => {
  beforeEach(() => {
    usePreferencesUiStore().setPlaybackRate(1)
    usePlayerUiStore().closeShortcuts()
  })

  it('shows the remembered speed, and remembers and announces a new one', async () => {
    usePreferencesUiStore().setPlaybackRate(1.25)
    const { wrapper, status } = await mountControls()
    const select = wrapper.find<HTMLSelectElement>('select')
    expect(select.element.value).toBe('1.25')
    expect(select.findAll('option').map(o => o.text())).toEqual(['0.75×', '1×', '1.25×', '1.5×', '1.75×', '2×'])

    await select.setValue('2')
    expect(usePreferencesUiStore().playbackRate).toBe(2)
    expect(status()).toBe('Speed 2×')
    expect(wrapper.text()).toContain('lesson navigation')
  })

  it('offers picture-in-picture only where the browser has it', async () => {
    const { wrapper } = await mountControls()
    const offered = wrapper.findAll('button').some(b => b.text() === 'Picture in picture')
    expect(offered).toBe(document.pictureInPictureEnabled === true)
  })

  it('opens the shortcuts help from its button', async () => {
    const { wrapper } = await mountControls()
    await wrapper.findAll('button').find(b => b.text().startsWith('Shortcuts'))!.trigger('click')
    expect(usePlayerUiStore().shortcutsOpen).toBe(true)
  })
})
