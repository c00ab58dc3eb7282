// When a summary kind was last computed (null: never yet), for the insights routes' `computedAt`.
import { useDb } from '../../database/db'

export async function getSummaryTime(kind: 'conversations' | 'media'): Promise<string | null> {
  const row = await useDb().insightsRefresh.findUnique({ where: { kind }, select: { computedAt: true } })
  return row?.computedAt.toISOString() ?? null
}
