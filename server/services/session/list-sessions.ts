// The account page's device list: the user's live sessions, the current one marked.
import type { SessionRow } from '#shared/types/session'
import { useDb } from '../../database/db'
import { isSessionLive } from './session-lifetime'

export async function listSessions({ userId, currentSessionId, now = new Date() }: { userId: string, currentSessionId: string, now?: Date }): Promise<SessionRow[]> {
  const rows = await useDb().session.findMany({
    where: { userId },
    orderBy: { lastUsedAt: 'desc' },
    select: { id: true, deviceLabel: true, createdAt: true, lastUsedAt: true, expiresAt: true },
  })
  return rows
    .filter(row => isSessionLive(row, now))
    .map(row => ({
      id: row.id,
      deviceLabel: row.deviceLabel,
      signedInAt: row.createdAt.toISOString(),
      lastUsedAt: row.lastUsedAt.toISOString(),
      current: row.id === currentSessionId,
    }))
}
