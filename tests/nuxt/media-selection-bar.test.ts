// The library's selection toolbar over the selection and media UI stores: what it says about the
// selection, the buttons that change it, the bulk actions it offers (and refuses past the limit),
// and the files the last bulk action could not change.
import { beforeEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { mountSuspended } from '@nuxt/test-utils/runtime'
import { MEDIA_BULK_MAX } from '#shared/schemas/media-bulk'
import MediaBulkToolbar from '~/components/media/MediaBulkToolbar.vue'
import { useMediaUiStore } from '~/stores/media-ui'
import { useSelectionUiStore } from '~/stores/selection-ui'
import { mediaItem } from './media-items'

const items = [mediaItem('a'), mediaItem('b'), mediaItem('c')]

async function mountBar() {
  const wrapper = await mountSuspended(MediaBulkToolbar, { props: { items } })
  const button = (label: string) => wrapper.findAll('button').find(b => b.text() === label)
  return { wrapper, button, count: () => wrapper.find('[role="status"]').text() }
}

describe('MediaBulkToolbar', () => {
  beforeEach(() => {
    useSelectionUiStore('media').clear()
    useMediaUiStore().$reset()
  })

  it('selects every shown file, offers the bulk actions, and clears', async () => {
    const { wrapper, button, count } = await mountBar()
    expect(count()).toBe('No files selected')
    expect(wrapper.find('[aria-label="Bulk actions"]').exists()).toBe(false)

    await button('Select all shown')!.trigger('click')
    expect([...useSelectionUiStore('media').selected]).toEqual(['a', 'b', 'c'])
    expect(count()).toBe('3 selected')
    expect(button('Select all shown')).toBeUndefined() // everything shown is already selected
    expect(button('Move to trash')!.attributes('disabled')).toBeUndefined()

    await button('Clear')!.trigger('click')
    expect(useSelectionUiStore('media').count).toBe(0)
    expect(count()).toBe('No files selected')
  })

  it('follows a selection made elsewhere (a tile\'s checkbox writes the store)', async () => {
    const { count, button } = await mountBar()
    useSelectionUiStore('media').toggle('b')
    await nextTick()
    expect(count()).toBe('1 selected')
    expect(button('Select all shown')).toBeDefined()
  })

  it('opens the dialog of the action pressed', async () => {
    const { button } = await mountBar()
    useSelectionUiStore('media').set(['a'])
    await nextTick()
    await button('Unlink and trash')!.trigger('click')
    expect(useMediaUiStore().bulkDialog).toBe('unlink-and-trash')
  })

  it(`refuses bulk actions past ${MEDIA_BULK_MAX} files and says why`, async () => {
    const { wrapper, button } = await mountBar()
    useSelectionUiStore('media').set(Array.from({ length: MEDIA_BULK_MAX + 1 }, (_, i) => `id-${i}`))
    await nextTick()
    expect(button('Move to trash')!.attributes('disabled')).toBeDefined()
    expect(button('Edit…')!.attributes('disabled')).toBeDefined()
    expect(wrapper.text()).toContain(`Bulk actions take at most ${MEDIA_BULK_MAX} files at a time.`)
  })

  it('lists the files the last bulk action left unchanged, each with its reason, until dismissed', async () => {
    const { wrapper } = await mountBar()
    useMediaUiStore().setBulkFailures([['b', 'Used in 2 places'], ['c', 'Still uploading']])
    await nextTick()
    const failures = wrapper.find('[data-testid="bulk-failures"]')
    expect(failures.text()).toContain('2 files were not changed')
    expect(failures.findAll('li').map(li => li.text())).toEqual([
      expect.stringContaining('b.mp4'), expect.stringContaining('c.mp4'),
    ])
    expect(failures.text()).toContain('Used in 2 places')

    await failures.find('[data-id="b"] button').trigger('click')
    expect(wrapper.find('[data-testid="bulk-failures"]').text()).toContain('1 file was not changed')
    expect(useMediaUiStore().bulkFailures.has('b')).toBe(false)
  })
})
