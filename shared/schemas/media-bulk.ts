// Bulk actions on library files, validated the same on the server and in the studio: one body
// `{ action, ids, ...params }` per action (a discriminated union, so a wrong action or a missing
// parameter is a 400 naming the field, never a 500), at most 500 distinct files at a time.
import { z } from 'zod'
import { MediaLinkInput, MediaTagName } from './media'

export const MEDIA_BULK_MAX = 500

const recordId = z.string().min(1).max(64).regex(/^[\w-]+$/, 'Not an id')

/** The files, once each, in the order given (the answer's results follow it). */
export const MediaBulkIds = z.array(recordId)
  .min(1, 'Select at least one file')
  .max(MEDIA_BULK_MAX, `Select at most ${MEDIA_BULK_MAX} files at a time`)
  .transform(ids => [...new Set(ids)])

const tagList = z.array(MediaTagName).max(20, 'At most 20 tags at a time').transform(tags => [...new Set(tags)])
const someTags = tagList.refine(tags => tags.length > 0, 'Name at least one tag')

export const MEDIA_ALT_TEXT_MAX = 500
/** Alt text: trimmed; empty clears it. */
export const MediaAltText = z.string().max(MEDIA_ALT_TEXT_MAX, `Keep alt text under ${MEDIA_ALT_TEXT_MAX} characters`).nullable()
  .transform(text => (text?.trim() ? text.trim() : null))

/** What the bulk edit form changes: only the fields the user edited are present. */
export const MediaBulkEditChanges = z.object({
  /** Images only; null clears it. */
  altText: MediaAltText.optional(),
  addTags: tagList.optional(),
  removeTags: tagList.optional(),
}).strict().superRefine((changes, context) => {
  if (changes.altText === undefined && !changes.addTags?.length && !changes.removeTags?.length)
    context.addIssue({ code: z.ZodIssueCode.custom, message: 'Change at least one field', path: [] })
  const both = (changes.addTags ?? []).filter(tag => changes.removeTags?.includes(tag))
  if (both.length) context.addIssue({ code: z.ZodIssueCode.custom, message: `Add or remove “${both[0]}”, not both`, path: ['removeTags'] })
})
export type MediaBulkEditChanges = z.infer<typeof MediaBulkEditChanges>

export const MediaBulkInput = z.discriminatedUnion('action', [
  /** Unused files go to the trash; a used one fails (LINKED) with its usage count. */
  z.object({ action: z.literal('trash'), ids: MediaBulkIds }).strict(),
  /** Every file is unlinked everywhere first (the trash keeps where it was used, for restore). */
  z.object({ action: z.literal('unlinkAndTrash'), ids: MediaBulkIds }).strict(),
  z.object({ action: z.literal('restore'), ids: MediaBulkIds, relink: z.boolean().default(false) }).strict(),
  /** Only files in the trash and used nowhere. */
  z.object({ action: z.literal('deleteForever'), ids: MediaBulkIds }).strict(),
  z.object({ action: z.literal('link'), ids: MediaBulkIds, target: MediaLinkInput }).strict(),
  z.object({ action: z.literal('unlinkAll'), ids: MediaBulkIds }).strict(),
  z.object({ action: z.literal('addTags'), ids: MediaBulkIds, tags: someTags }).strict(),
  z.object({ action: z.literal('removeTags'), ids: MediaBulkIds, tags: someTags }).strict(),
  z.object({ action: z.literal('edit'), ids: MediaBulkIds, changes: MediaBulkEditChanges }).strict(),
]).superRefine((input, context) => {
  // A lesson has one video: choosing it is a one-file action (the file's panel, or a selection of one).
  if (input.action === 'link' && input.target.role === 'VIDEO' && input.ids.length > 1)
    context.addIssue({ code: z.ZodIssueCode.custom, message: 'A lesson has one video: select a single video file to make it the lesson\'s video', path: ['target', 'role'] })
})
export type MediaBulkInput = z.infer<typeof MediaBulkInput>
export type MediaBulkAction = MediaBulkInput['action']
export const MEDIA_BULK_ACTIONS = ['trash', 'unlinkAndTrash', 'restore', 'deleteForever', 'link', 'unlinkAll', 'addTags', 'removeTags', 'edit'] as const satisfies readonly MediaBulkAction[]

/** The zip download: the files as a list, or as one `a,b,c` field (a form post). */
export const MediaZipInput = z.object({
  ids: z.union([z.string(), z.array(z.string())])
    .transform(value => (Array.isArray(value) ? value : [value]).flatMap(part => part.split(',')).map(id => id.trim()).filter(Boolean))
    .pipe(MediaBulkIds),
})
