// "Move to trash" for the library's selection: the dialog's preview says what will happen before
// anything does (free files move, linked ones are skipped unless the user unlinks them first,
// uploading ones are refused, unloaded ones are checked by the server), and confirming sends the
// action and keeps the files the server refused selected, each with its reason.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { mountSuspended, registerEndpoint } from '@nuxt/test-utils/runtime'
import { defineEventHandler, readBody } from 'h3'
import type { MediaBulkAnswer } from '#shared/types/media-bulk'
import MediaBulkTrashDialog from '~/components/media/MediaBulkTrashDialog.vue'
import { useMediaUiStore } from '~/stores/media-ui'
import { useSelectionUiStore } from '~/stores/selection-ui'
import { mediaItem } from './media-items'

const items = [
  mediaItem('free1'), mediaItem('free2'),
  mediaItem('linked', { usageCount: 2, trashedUsageCount: 1 }),
  mediaItem('busy', { status: 'UPLOADING' }),
]

async function openDialog(selected: string[]) {
  useSelectionUiStore('media').set(selected)
  useMediaUiStore().openBulkDialog('trash')
  const wrapper = await mountSuspended(MediaBulkTrashDialog, { props: { items } })
  const confirmButton = () => wrapper.findAll('button').find(b => /^(Unlink and move|Move) /.test(b.text()))!
  return { wrapper, confirmButton, title: () => wrapper.find('h2').text(), preview: () => wrapper.find('[data-testid="bulk-preview"]').text() }
}

describe('MediaBulkTrashDialog', () => {
  beforeEach(() => {
    useSelectionUiStore('media').clear()
    useMediaUiStore().$reset()
  })

  it('counts only the files that will move, and says why the others will not', async () => {
    const { title, preview, confirmButton } = await openDialog(['free1', 'free2', 'linked', 'busy'])
    expect(title()).toBe('Move 2 of the 4 files selected to the trash?')
    expect(preview()).toContain('2 files not used anywhere will move to the trash.')
    expect(preview()).toContain('1 file is linked and will be skipped')
    expect(preview()).toContain('linked.mp4 (used in 3 places)')
    expect(preview()).toContain('1 file still uploading will be skipped.')
    expect(confirmButton().text()).toBe('Move 2 files to trash')
  })

  it('switches to "unlink and trash" from the preview, counting the places it will unlink', async () => {
    const { wrapper, title, preview, confirmButton } = await openDialog(['free1', 'linked'])
    await wrapper.find('input[type="checkbox"]').setValue(true)
    expect(useMediaUiStore().bulkDialog).toBe('unlink-and-trash')
    expect(title()).toBe('Move 2 files to the trash?')
    expect(preview()).toContain('1 linked file will be unlinked from 3 places first')
    expect(confirmButton().text()).toBe('Unlink and move 2 files to trash')
  })

  it('counts selected files the page has not loaded as checked on confirm', async () => {
    const { title, preview } = await openDialog(['free1', 'not-loaded-1', 'not-loaded-2'])
    expect(title()).toBe('Move 3 files to the trash?')
    expect(preview()).toContain('2 files selected but not shown here will be checked when you confirm.')
  })

  it('offers nothing to confirm when every selected file would be skipped', async () => {
    const { title, confirmButton } = await openDialog(['linked'])
    expect(title()).toBe('Nothing to move to the trash')
    expect(confirmButton().attributes('disabled')).toBeDefined()
  })

  it('sends the action, closes at once, and keeps what the server refused selected with its reason', async () => {
    const sent: unknown[] = []
    registerEndpoint('/api/media/bulk', {
      method: 'POST',
      handler: defineEventHandler(async (event) => {
        sent.push(await readBody(event))
        const answer: MediaBulkAnswer = {
          results: [{ id: 'free1', ok: true }, { id: 'linked', ok: false, code: 'LINKED', reason: 'Used in 3 places' }],
          summary: { requested: 2, succeeded: 1, failed: 1, failures: { LINKED: 1 } },
        }
        return { success: true, data: answer }
      }),
    })
    const { confirmButton } = await openDialog(['free1', 'linked'])
    await confirmButton().trigger('click')
    expect(useMediaUiStore().bulkDialog).toBeNull()

    await vi.waitFor(() => expect(useMediaUiStore().bulkFailures.get('linked')).toBe('Used in 3 places'))
    expect(sent).toEqual([{ action: 'trash', ids: ['free1', 'linked'] }])
    expect([...useSelectionUiStore('media').selected]).toEqual(['linked'])
  })
})
