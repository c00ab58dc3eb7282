// The observers linked to a student–instructor pair, as the instructor's panel and the
// visibility dialog show them (oldest link first, so the list does not reshuffle).
import type { ObserverRow } from '#shared/types/observer'
import { useDb } from '../../database/db'

export async function listLinkedObservers(pair: { studentId: string, instructorId: string }): Promise<ObserverRow[]> {
  const links = await useDb().observerLink.findMany({
    where: pair,
    orderBy: [{ createdAt: 'asc' }, { observerId: 'asc' }],
    select: { createdAt: true, observer: { select: { id: true, name: true, email: true } } },
  })
  return links.map(({ observer, createdAt }) => ({ ...observer, linkedAt: createdAt.toISOString() }))
}
