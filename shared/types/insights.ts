// Conversation insights, computed from message metadata only (type, times, sender): bodies and
// file contents are never read for them.
import type { MessageType } from '../schemas/conversation'

export type TypeCounts = Record<MessageType, number>

export interface InsightWeek {
  /** Monday of the week (UTC), YYYY-MM-DD. */
  week: string
  counts: TypeCounts
  attachments: number
  /** Median time from a student's daily note to the instructor's next response; null when none was answered. */
  medianResponseSeconds: number | null
}

export interface StudentInsights {
  studentId: string
  name: string
  conversationId: string
  totals: TypeCounts & { attachments: number }
  medianResponseSeconds: number | null
  weeks: InsightWeek[]
}

export interface ConversationInsights {
  /** When the summaries these figures come from were computed (ISO); null before the first run. */
  computedAt: string | null
  /** Every week of the range, oldest first. */
  weeks: string[]
  overall: InsightWeek[]
  students: StudentInsights[]
}
