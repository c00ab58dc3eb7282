import { describe, expect, it } from 'vitest'
import type { MediaItem } from '../../shared/types/media'
import { bulkEditBaseline, bulkEditChanges, bulkEditInitialValues, mediaBulkEditSchema } from '../../composables/forms/media-bulk-edit'
import type { MediaBulkEditValues } from '../../composables/forms/media-bulk-edit'

type Editable = Pick<MediaItem, 'kind' | 'altText' | 'tags'>
const image = (altText: string | null, tags: string[] = []): Editable => ({ kind: 'image', altText, tags })
const pdf = (tags: string[] = []): Editable => ({ kind: 'pdf', altText: null, tags })

function validate(items: Editable[], edit: (initial: MediaBulkEditValues) => MediaBulkEditValues) {
  const baseline = bulkEditBaseline(items)
  const initial = bulkEditInitialValues(baseline)
  const result = mediaBulkEditSchema(baseline, initial).safeParse(edit(initial))
  return result.success ? [] : result.error.issues.map(issue => `${issue.path.join('.')}: ${issue.message}`)
}

describe('the bulk edit form\'s values from the selection', () => {
  it('shows a value every file shares and marks differing values as mixed', () => {
    expect(bulkEditBaseline([image('A sunset'), image('A sunset')]).altText).toEqual({ mixed: false, value: 'A sunset' })
    expect(bulkEditBaseline([image('A sunset'), image(null)]).altText).toEqual({ mixed: true })
    expect(bulkEditBaseline([image(null), image(null)]).altText).toEqual({ mixed: false, value: null })
  })

  it('splits tags into those on every file and those on only some, with how many', () => {
    const baseline = bulkEditBaseline([image(null, ['week 1', 'draft']), image(null, ['week 1']), image(null, ['week 1', 'draft', 'b-roll'])])
    expect(baseline.tagsOnAll).toEqual(['week 1'])
    expect(baseline.tagsOnSome).toEqual([{ name: 'b-roll', count: 1 }, { name: 'draft', count: 2 }])
  })

  it('knows whether every file is an image (alt text applies only then)', () => {
    expect(bulkEditBaseline([image(null), image(null)]).allImages).toBe(true)
    expect(bulkEditBaseline([image(null), pdf()]).allImages).toBe(false)
    expect(bulkEditBaseline([]).allImages).toBe(false)
  })

  it('starts a mixed field as untouched (null) and a shared one with its value', () => {
    expect(bulkEditInitialValues(bulkEditBaseline([image('x'), image('y')]))).toEqual({ altText: null, addTags: [], removeTags: [] })
    expect(bulkEditInitialValues(bulkEditBaseline([image('x'), image('x')])).altText).toBe('x')
    expect(bulkEditInitialValues(bulkEditBaseline([image(null)])).altText).toBe('')
  })
})

describe('what the bulk edit form sends', () => {
  it('sends nothing for untouched fields, mixed ones included', () => {
    const initial = bulkEditInitialValues(bulkEditBaseline([image('x'), image('y')]))
    expect(bulkEditChanges(initial, initial)).toBeNull()
    const shared = bulkEditInitialValues(bulkEditBaseline([image('same'), image('same')]))
    expect(bulkEditChanges({ ...shared, altText: ' same ' }, shared)).toBeNull()
  })

  it('sends only the edited fields', () => {
    const initial = bulkEditInitialValues(bulkEditBaseline([image('x'), image('y', ['a'])]))
    expect(bulkEditChanges({ ...initial, addTags: ['b'] }, initial)).toEqual({ addTags: ['b'] })
    expect(bulkEditChanges({ ...initial, altText: ' A cat ' }, initial)).toEqual({ altText: 'A cat' })
    expect(bulkEditChanges({ ...initial, removeTags: ['a'] }, initial)).toEqual({ removeTags: ['a'] })
  })

  it('clears the alt text on every file when a mixed field is emptied on purpose', () => {
    const initial = bulkEditInitialValues(bulkEditBaseline([image('x'), image('y')]))
    expect(bulkEditChanges({ ...initial, altText: '' }, initial)).toEqual({ altText: null })
    const shared = bulkEditInitialValues(bulkEditBaseline([image('x'), image('x')]))
    expect(bulkEditChanges({ ...shared, altText: '' }, shared)).toEqual({ altText: null })
  })
})

describe('the bulk edit form\'s validation knows the selection', () => {
  it('needs at least one file', () => {
    expect(validate([], values => ({ ...values, addTags: ['a'] }))).toContain('_selection: Select at least one file')
  })

  it('takes alt text only when every file is an image', () => {
    expect(validate([image(null), image(null)], values => ({ ...values, altText: 'Two cats' }))).toEqual([])
    expect(validate([image(null), pdf()], values => ({ ...values, altText: 'Two cats' }))).toEqual(['altText: Alt text is for images only: select only images to set it'])
    // Untouched, alt text is no problem for a mixed selection: tags still apply to every kind.
    expect(validate([image(null), pdf()], values => ({ ...values, addTags: ['week 1'] }))).toEqual([])
  })

  it('refuses a tag both added and removed, bad tag names, and an edit that changes nothing', () => {
    expect(validate([pdf(['a'])], values => ({ ...values, addTags: ['a'], removeTags: ['a'] }))).toContain('addTags: Add or remove “a”, not both')
    expect(validate([pdf()], values => ({ ...values, addTags: ['a,b'] }))).toEqual(['addTags.0: A tag cannot contain commas or control characters'])
    expect(validate([pdf()], values => values)).toEqual(['_changes: Nothing changed yet'])
    expect(validate([image(null)], values => ({ ...values, altText: 'x'.repeat(501) }))).toEqual(expect.arrayContaining([expect.stringMatching(/^altText: Keep alt text under 500/)]))
  })
})
