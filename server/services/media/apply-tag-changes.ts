// A file's tags, changed inside the caller's transaction (the file's row is locked there): tags
// are created on first use (per owner, unique by name) and only the rows that change are written.
import type { Tx } from './media-lock'

export async function applyTagChanges(tx: Tx, { ownerId, mediaFileId, add, remove }: { ownerId: string, mediaFileId: string, add: string[], remove: string[] }): Promise<{ added: string[], removed: string[] }> {
  const current = await tx.mediaFileTag.findMany({ where: { mediaFileId }, select: { tag: { select: { id: true, name: true } } } })
  const have = new Map(current.map(row => [row.tag.name, row.tag.id]))
  const added = add.filter(name => !have.has(name) && !remove.includes(name))
  const removed = remove.filter(name => have.has(name))
  if (added.length) {
    // ON CONFLICT DO NOTHING: another file's change may create the same tag at the same moment.
    await tx.mediaTag.createMany({ data: added.map(name => ({ ownerId, name })), skipDuplicates: true })
    const tags = await tx.mediaTag.findMany({ where: { ownerId, name: { in: added } }, select: { id: true } })
    await tx.mediaFileTag.createMany({ data: tags.map(tag => ({ mediaFileId, tagId: tag.id })), skipDuplicates: true })
  }
  if (removed.length) await tx.mediaFileTag.deleteMany({ where: { mediaFileId, tagId: { in: removed.map(name => have.get(name)!) } } })
  return { added, removed }
}
