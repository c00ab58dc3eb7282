import { beforeEach, describe, expect, it } from 'vitest'
import { QueryClient } from '@tanstack/vue-query'
import type { MediaItem, MediaPage, MediaTrashItem } from '../../shared/types/media'
import { MediaBulkInput, MediaZipInput } from '../../shared/schemas/media-bulk'
import { MediaListQuery } from '../../shared/schemas/media'
import { acceptBulkItem, applyBulkOptimistic, revertBulkItems } from '../../composables/queries/media/cache-bulk'
import type { MediaListData } from '../../composables/queries/media/cache'
import { mediaKeys } from '../../composables/queries/media/keys'
import { bulkSummaryText } from '../../utils/media-bulk/summary'
import { linkRoles, selectedItems, tagCounts, trashPreview } from '../../utils/media-bulk/preview'
import { zipEntryNames } from '../../server/services/media/zip-names'

const item = (id: string, overrides: Partial<MediaItem> = {}): MediaItem => ({
  id, name: `${id}.pdf`, mimeType: 'application/pdf', kind: 'pdf', sizeBytes: 10, status: 'READY', createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z', durationSeconds: null, width: null, height: null, hasThumbnail: false, altText: null, tags: [],
  usageCount: 0, trashedUsageCount: 0, ...overrides,
})
const page = (items: MediaItem[], total: number, nextCursor: string | null = null): MediaPage => ({ items, total, nextCursor })
const listKey = mediaKeys.list({ usage: 'all', sort: 'newest' })
const bulk = (input: unknown) => MediaBulkInput.parse(input)

describe('bulk actions in the list cache: optimistic, then reconciled per file', () => {
  let client: QueryClient
  const shown = () => client.getQueryData<MediaListData>(listKey)!.pages.map(p => p.items.map(i => i.id))
  const totals = () => client.getQueryData<MediaListData>(listKey)!.pages.map(p => p.total)

  beforeEach(() => {
    client = new QueryClient()
    client.setQueryData<MediaListData>(listKey, {
      pages: [page([item('a'), item('b', { usageCount: 2 }), item('c')], 5, 'next'), page([item('d'), item('e', { usageCount: 1 })], 5)],
      pageParams: [null, 'next'],
    })
  })

  it('takes trashed files out at once and puts exactly the failed ones back in their places', () => {
    const snapshot = applyBulkOptimistic(client, bulk({ action: 'trash', ids: ['a', 'b', 'd', 'e'] }))
    expect(shown()).toEqual([['c'], []])
    expect(totals()).toEqual([1, 1])
    revertBulkItems(client, snapshot, ['b', 'e'])
    expect(shown()).toEqual([['b', 'c'], ['e']])
    expect(totals()).toEqual([3, 3])
    expect(client.getQueryData<MediaListData>(listKey)!.pages[0]!.items[0]).toMatchObject({ id: 'b', usageCount: 2 })
  })

  it('changes tags at once; a failed file gets its old version back, a successful one the server\'s', () => {
    client.setQueryData<MediaListData>(listKey, old => old && { ...old, pages: [page([item('a', { tags: ['old'] }), item('b')], 2)] })
    const snapshot = applyBulkOptimistic(client, bulk({ action: 'addTags', ids: ['a', 'b'], tags: ['Week 1'] }))
    expect(client.getQueryData<MediaListData>(listKey)!.pages[0]!.items.map(i => i.tags)).toEqual([['old', 'week 1'], ['week 1']])
    revertBulkItems(client, snapshot, ['b'])
    acceptBulkItem(client, item('a', { tags: ['old', 'week 1'], updatedAt: '2026-11-02T00:00:00.000Z' }))
    expect(client.getQueryData<MediaListData>(listKey)!.pages[0]!.items.map(i => [i.id, i.tags, i.updatedAt])).toEqual([
      ['a', ['old', 'week 1'], '2026-11-02T00:00:00.000Z'],
      ['b', [], '2026-11-01T00:00:00.000Z'],
    ])
  })

  it('puts everything back when the whole request fails', () => {
    const snapshot = applyBulkOptimistic(client, bulk({ action: 'unlinkAndTrash', ids: ['a', 'c', 'e'] }))
    expect(shown()).toEqual([['b'], ['d']])
    revertBulkItems(client, snapshot, ['a', 'c', 'e'])
    expect(shown()).toEqual([['a', 'b', 'c'], ['d', 'e']])
    expect(totals()).toEqual([5, 5])
  })

  it('takes restored or deleted files out of the trash, and puts failures back in order', () => {
    const trashed = (id: string) => ({ ...item(id), deletedAt: '', deletedBy: null, purgeAt: '', usagesAtDeletion: [] }) as MediaTrashItem
    client.setQueryData(mediaKeys.trash(), [trashed('x'), trashed('y'), trashed('z')])
    const snapshot = applyBulkOptimistic(client, bulk({ action: 'deleteForever', ids: ['x', 'z'] }))
    expect(client.getQueryData<MediaTrashItem[]>(mediaKeys.trash())!.map(i => i.id)).toEqual(['y'])
    expect(shown()).toEqual([['a', 'b', 'c'], ['d', 'e']]) // the library lists are not touched
    revertBulkItems(client, snapshot, ['x'])
    expect(client.getQueryData<MediaTrashItem[]>(mediaKeys.trash())!.map(i => i.id)).toEqual(['x', 'y'])
  })
})

describe('bulk previews and the summary toast', () => {
  it('says which files a plain trash skips because they are linked', () => {
    const items = [item('a'), item('b', { usageCount: 2 }), item('c', { trashedUsageCount: 1 }), item('d', { status: 'UPLOADING' })]
    const preview = trashPreview(items)
    expect([preview.free, preview.linked, preview.uploading].map(list => list.map(i => i.id))).toEqual([['a'], ['b', 'c'], ['d']])
    expect(preview.places).toBe(3)
  })

  it('counts selected ids the page has not loaded, counts tags, and offers roles that fit every file', () => {
    expect(selectedItems([item('a'), item('b')], new Set(['b', 'zz']))).toEqual({ items: [item('b')], unknown: 1 })
    expect(tagCounts([item('a', { tags: ['x', 'y'] }), item('b', { tags: ['x'] })])).toEqual(new Map([['x', 2], ['y', 1]]))
    const image = item('i', { kind: 'image' })
    const video = item('v', { kind: 'video' })
    expect(linkRoles([image, image], 'COURSE')).toEqual(['COVER', 'RESOURCE'])
    expect(linkRoles([image, item('p')], 'COURSE')).toEqual(['RESOURCE'])
    expect(linkRoles([video], 'LESSON')).toEqual(['VIDEO', 'HANDOUT', 'ATTACHMENT'])
    expect(linkRoles([video, video], 'LESSON')).toEqual(['HANDOUT', 'ATTACHMENT'])
    expect(linkRoles([video], undefined)).toEqual([])
  })

  it('sums up a bulk action in numbers', () => {
    expect(bulkSummaryText('trash', { succeeded: 9, failed: 3 })).toBe('9 moved to trash, 3 failed')
    expect(bulkSummaryText('addTags', { succeeded: 1, failed: 0 })).toBe('1 file tagged')
    expect(bulkSummaryText('restore', { succeeded: 0, failed: 2 })).toBe('All 2 files failed: nothing restored')
  })
})

describe('bulk input schemas and zip names', () => {
  it('deduplicates ids, normalises tags, and refuses what does not fit the action', () => {
    expect(bulk({ action: 'addTags', ids: ['a', 'a', 'b'], tags: [' Week  1', 'week 1'] })).toEqual({ action: 'addTags', ids: ['a', 'b'], tags: ['week 1'] })
    expect(bulk({ action: 'restore', ids: ['a'] })).toEqual({ action: 'restore', ids: ['a'], relink: false })
    expect(MediaBulkInput.safeParse({ action: 'trash', ids: ['a'], tags: ['x'] }).success).toBe(false)
    expect(MediaBulkInput.safeParse({ action: 'edit', ids: ['a'], changes: {} }).success).toBe(false)
    expect(MediaBulkInput.safeParse({ action: 'link', ids: ['a', 'b'], target: { targetType: 'LESSON', targetId: 'l', role: 'VIDEO' } }).success).toBe(false)
    expect(MediaBulkInput.safeParse({ action: 'link', ids: ['a'], target: { targetType: 'LESSON', targetId: 'l', role: 'VIDEO' } }).success).toBe(true)
    expect(MediaZipInput.parse({ ids: 'a,b,,a' }).ids).toEqual(['a', 'b'])
    expect(MediaZipInput.parse({ ids: ['a', 'c'] }).ids).toEqual(['a', 'c'])
    expect(MediaListQuery.parse({ tag: ' Week 1 ' }).tag).toBe('week 1')
    expect(MediaListQuery.parse({ tag: '' }).tag).toBeUndefined()
  })

  it('names zip entries safely and uniquely, ignoring case', () => {
    expect(zipEntryNames(['notes.pdf', 'Notes.pdf', 'notes.pdf', 'a/b.pdf', '..', 'README', 'readme'])).toEqual([
      'notes.pdf', 'Notes (2).pdf', 'notes (3).pdf', 'a_b.pdf', 'file', 'README', 'readme (2)',
    ])
  })
})
