// The bulk edit form: filled from the selection. A value all files share is shown; values that
// differ are "mixed" and left alone unless the user edits that field; only edited fields are sent.
// Validation knows the selection: at least one file, alt text only when every file is an image,
// tags for any file. The pure parts (baseline, changes, schema) are unit-tested.
import { useForm } from 'vee-validate'
import { toTypedSchema } from '@vee-validate/zod'
import { z } from 'zod'
import type { MaybeRefOrGetter } from 'vue'
import { MEDIA_ALT_TEXT_MAX } from '#shared/schemas/media-bulk'
import type { MediaBulkEditChanges } from '#shared/schemas/media-bulk'
import { MediaTagName } from '#shared/schemas/media'
import type { MediaItem } from '#shared/types/media'

export interface BulkEditBaseline {
  count: number
  /** Every file is an image: alt text can be edited. */
  allImages: boolean
  /** The alt text all files share (null: none), or mixed. */
  altText: { mixed: false, value: string | null } | { mixed: true }
  /** Tags every file has, and tags only some have (with how many). */
  tagsOnAll: string[]
  tagsOnSome: { name: string, count: number }[]
}

export function bulkEditBaseline(items: readonly Pick<MediaItem, 'kind' | 'altText' | 'tags'>[]): BulkEditBaseline {
  const counts = new Map<string, number>()
  for (const item of items) for (const tag of new Set(item.tags)) counts.set(tag, (counts.get(tag) ?? 0) + 1)
  const byName = (a: string, b: string) => a.localeCompare(b)
  const texts = new Set(items.map(item => item.altText ?? null))
  return {
    count: items.length,
    allImages: items.length > 0 && items.every(item => item.kind === 'image'),
    altText: texts.size > 1 ? { mixed: true } : { mixed: false, value: [...texts][0] ?? null },
    tagsOnAll: [...counts].filter(([, n]) => n === items.length).map(([name]) => name).sort(byName),
    tagsOnSome: [...counts].filter(([, n]) => n < items.length).map(([name, count]) => ({ name, count })).sort((a, b) => byName(a.name, b.name)),
  }
}

export interface MediaBulkEditValues {
  /** null: left as each file has it (the field starts so when the values are mixed). */
  altText: string | null
  addTags: string[]
  removeTags: string[]
}

export function bulkEditInitialValues(baseline: BulkEditBaseline): MediaBulkEditValues {
  return { altText: baseline.altText.mixed ? null : (baseline.altText.value ?? ''), addTags: [], removeTags: [] }
}

/** Only what the user edited; null when nothing was. An emptied alt text clears it. */
export function bulkEditChanges(values: MediaBulkEditValues, initial: MediaBulkEditValues): MediaBulkEditChanges | null {
  const changes: MediaBulkEditChanges = {}
  if (values.altText !== null && (initial.altText === null || values.altText.trim() !== initial.altText.trim())) changes.altText = values.altText.trim() || null
  if (values.addTags.length) changes.addTags = values.addTags
  if (values.removeTags.length) changes.removeTags = values.removeTags
  return Object.keys(changes).length ? changes : null
}

/** The form's schema for this selection (rebuilt when the selection changes). */
export function mediaBulkEditSchema(baseline: BulkEditBaseline, initial: MediaBulkEditValues) {
  return z.object({
    altText: z.string().max(MEDIA_ALT_TEXT_MAX, `Keep alt text under ${MEDIA_ALT_TEXT_MAX} characters`).nullable(),
    addTags: z.array(MediaTagName).max(20, 'At most 20 tags at a time'),
    removeTags: z.array(z.string()),
  }).superRefine((values, context) => {
    if (baseline.count < 1) context.addIssue({ code: z.ZodIssueCode.custom, message: 'Select at least one file', path: ['_selection'] })
    const changes = bulkEditChanges(values as MediaBulkEditValues, initial)
    if (changes?.altText !== undefined && !baseline.allImages)
      context.addIssue({ code: z.ZodIssueCode.custom, message: 'Alt text is for images only: select only images to set it', path: ['altText'] })
    const both = values.addTags.find(tag => values.removeTags.includes(tag))
    if (both) context.addIssue({ code: z.ZodIssueCode.custom, message: `Add or remove “${both}”, not both`, path: ['addTags'] })
    if (!changes && baseline.count > 0) context.addIssue({ code: z.ZodIssueCode.custom, message: 'Nothing changed yet', path: ['_changes'] })
  })
}

export function useMediaBulkEditForm(items: MaybeRefOrGetter<readonly MediaItem[]>) {
  // The baseline is taken when the form opens: files changing meanwhile (another tab) do not move
  // what the user is editing; the server applies the edit to each file as it is then.
  const baseline = bulkEditBaseline(toValue(items))
  const initial = bulkEditInitialValues(baseline)
  const form = useForm<MediaBulkEditValues>({
    validationSchema: toTypedSchema(mediaBulkEditSchema(baseline, initial)),
    initialValues: initial,
  })
  const changes = computed(() => bulkEditChanges(form.values as MediaBulkEditValues, initial))
  return { form, baseline, initial, changes }
}
