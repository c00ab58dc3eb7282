// Media library input, validated the same on the server and in the studio's forms.
import { z } from 'zod'
import { MEDIA_KINDS } from '../media/kinds'
import { MEDIA_LINK_ROLES, roleFitsPlace } from '../media/link-roles'

export { MEDIA_LINK_ROLES, MEDIA_LINK_ROLE_LABELS } from '../media/link-roles'

const recordId = z.string().min(1).max(64).regex(/^[\w-]+$/, 'Not an id')

export const MediaIdParams = z.object({ id: recordId })

export const MEDIA_SORTS = ['newest', 'oldest', 'name', 'size', 'usage'] as const
export const MEDIA_PAGE_SIZE = 60

/**
 * A tag as an instructor types it: trimmed, inner spaces collapsed, lower-cased (so "Week 1" and
 * "week  1" are one tag), 1–40 characters, no commas (the tag input splits on them).
 */
export const MediaTagName = z.string()
  .transform(name => name.trim().replace(/\s+/g, ' ').toLowerCase())
  .pipe(z.string().min(1, 'A tag needs a name').max(40, 'Keep tags under 40 characters').refine(name => !name.includes(',') && ![...name].some(c => c.charCodeAt(0) < 32), 'A tag cannot contain commas or control characters'))

export const MediaListQuery = z.object({
  /** Any part of the file name. */
  q: z.string().trim().max(200).optional().transform(v => v || undefined),
  kind: z.enum(MEDIA_KINDS).optional(),
  usage: z.enum(['all', 'used', 'unused']).default('all'),
  /** Only files carrying this tag of mine. */
  tag: z.string().max(200).optional().transform(v => (v?.trim() ? v : undefined)).pipe(MediaTagName.optional()),
  sort: z.enum(MEDIA_SORTS).default('newest'),
  cursor: z.string().max(300).regex(/^[\w-]+$/, 'Not a cursor from this list').optional(),
  limit: z.coerce.number().int().min(1).max(500).default(MEDIA_PAGE_SIZE),
})
export type MediaListQuery = z.infer<typeof MediaListQuery>

export const RenameMediaInput = z.object({
  name: z.string().trim().min(1, 'Give the file a name').max(255, 'Keep the name under 255 characters')
    .refine(name => !name.includes('/') && !name.includes('\\') && ![...name].some(c => c.charCodeAt(0) < 32), 'A name cannot contain slashes or control characters'),
})
export type RenameMediaInput = z.infer<typeof RenameMediaInput>

/**
 * Where to link a file and as what: a role its kind of place takes (shared/media/link-roles.ts;
 * the lesson's own video must also be a ready video file, which the server checks).
 */
export const MediaLinkInput = z.object({
  targetType: z.enum(['COURSE', 'CHAPTER', 'LESSON']),
  targetId: recordId,
  role: z.enum(MEDIA_LINK_ROLES),
}).refine(({ targetType, role }) => roleFitsPlace(targetType, role), { message: 'That role does not fit that place', path: ['role'] })
export type MediaLinkInput = z.infer<typeof MediaLinkInput>

export const TrashMediaInput = z.object({
  /** Unlink it from every place first (an explicit, confirmed choice); without it a used file is refused (409). */
  unlinkAll: z.boolean().default(false),
})

export const RestoreMediaInput = z.object({
  /** Re-create the links it had when deleted, where their places still exist. */
  relink: z.boolean().default(false),
})
