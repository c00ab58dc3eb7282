// The conversation insights page: how many weeks back to look.
import { z } from 'zod'

export const INSIGHT_WEEK_CHOICES = [4, 12, 26, 52] as const
export const InsightsQuery = z.object({
  weeks: z.coerce.number().int().refine(n => (INSIGHT_WEEK_CHOICES as readonly number[]).includes(n), 'Choose 4, 12, 26 or 52 weeks').default(12),
})
export type InsightsQuery = z.infer<typeof InsightsQuery>
