// Runs one action over many files of the caller's library, file by file: each change is the
// single-file service (its own transaction, row lock, ownership check, audit rows and live
// events), so one file's failure never undoes another's. Every file gets a result, in the order
// asked: another instructor's file and an unknown id both fail as NOT_FOUND, revealing nothing;
// a used file under a plain "move to trash" fails as LINKED with its usage count.
import type { MediaBulkInput } from '#shared/schemas/media-bulk'
import type { MediaItem, MediaInUse } from '#shared/types/media'
import type { MediaBulkAnswer, MediaBulkFailureCode, MediaBulkResult } from '#shared/types/media-bulk'
import { toAppError } from '../../utils/errors'
import { useDb } from '../../database/db'
import { deleteMediaForever } from './delete-media-forever'
import { editMedia } from './edit-media'
import { linkMedia } from './link-media'
import { readMediaItem } from './media-dto'
import { restoreMedia } from './restore-media'
import { trashMedia } from './trash-media'
import { unlinkMediaEverywhere } from './unlink-media-everywhere'

interface Done { file?: MediaItem, notes?: string[] }
type Change = (id: string) => Promise<Done>

const places = (count: number) => (count === 1 ? '1 place' : `${count} places`)

export async function runMediaBulk({ user, input, retentionSeconds }: { user: { id: string, name: string }, input: MediaBulkInput, retentionSeconds: number }): Promise<MediaBulkAnswer> {
  const ownerId = user.id
  const actorId = user.id
  const change: Change = (() => {
    switch (input.action) {
      case 'trash':
      case 'unlinkAndTrash':
        return async id => ({ file: await trashMedia({ ownerId, actor: user, id, unlinkAll: input.action === 'unlinkAndTrash', retentionSeconds }) })
      case 'restore':
        return async (id) => {
          const result = await restoreMedia({ ownerId, actorId, id, relink: input.relink })
          return { file: result.item, notes: result.notRestored.map(entry => `Not re-linked to ${entry.usage.label}: ${entry.reason}`) }
        }
      case 'deleteForever':
        return async (id) => {
          await deleteMediaForever({ ownerId, actorId, id })
          return {}
        }
      case 'link':
        return async (id) => {
          await linkMedia({ ownerId, actorId, id, input: input.target })
          return { file: (await readMediaItem(useDb(), { ownerId, id }))! }
        }
      case 'unlinkAll':
        return async id => ({ file: await unlinkMediaEverywhere({ ownerId, actorId, id }) })
      case 'addTags':
        return async id => ({ file: await editMedia({ ownerId, actorId, id, changes: { addTags: input.tags } }) })
      case 'removeTags':
        return async id => ({ file: await editMedia({ ownerId, actorId, id, changes: { removeTags: input.tags } }) })
      case 'edit':
        return async id => ({ file: await editMedia({ ownerId, actorId, id, changes: input.changes }) })
    }
  })()

  const results: MediaBulkResult[] = []
  // One file after the other: files share lessons and courses, whose row locks the services take.
  for (const id of input.ids) {
    try {
      const done = await change(id)
      results.push({ id, ok: true, ...(done.file ? { file: done.file } : {}), ...(done.notes?.length ? { notes: done.notes } : {}) })
    }
    catch (error) {
      results.push(failure(id, error, input.action))
    }
  }
  const failures: Partial<Record<MediaBulkFailureCode, number>> = {}
  for (const result of results) if (!result.ok) failures[result.code] = (failures[result.code] ?? 0) + 1
  const failed = results.filter(result => !result.ok).length
  return { results, summary: { requested: results.length, succeeded: results.length - failed, failed, failures } }
}

function failure(id: string, error: unknown, action: MediaBulkInput['action']): MediaBulkResult {
  const appError = toAppError(error)
  if (appError.code === 'INTERNAL' || appError.code === 'UNAVAILABLE') console.error(`[media] bulk ${action} of ${id}:`, error)
  const usages = (appError.extra.details as MediaInUse | undefined)?.usages
  // A plain trash refuses a used file: say where it is used, and what would trash it.
  if (action === 'trash' && appError.code === 'CONFLICT' && Array.isArray(usages))
    return { id, ok: false, code: 'LINKED', reason: `Used in ${places(usages.length)}; use “Unlink and trash” to move it to the trash`, usageCount: usages.length }
  if (action === 'deleteForever' && appError.code === 'CONFLICT' && Array.isArray(usages))
    return { id, ok: false, code: 'LINKED', reason: `Still used in ${places(usages.length)}`, usageCount: usages.length }
  return { id, ok: false, code: appError.code, reason: appError.message }
}
