// Enrolment and progress: what the watch page sends and the instructor's students page submits.
import { z } from 'zod'

/** A lesson counts complete once this share of its duration has been watched. */
export const COMPLETE_AT_SHARE = 0.9

/**
 * A progress report: the player's position (every ~10 s, on pause, on leaving via sendBeacon)
 * and/or the student's own "mark complete". Positions beyond the video's duration are refused.
 */
export const ProgressInput = z.object({
  positionSeconds: z.number().finite().min(0, 'A position cannot be negative').max(24 * 3600).optional(),
  completed: z.boolean().optional(),
}).refine(v => v.positionSeconds !== undefined || v.completed !== undefined, { message: 'Send positionSeconds or completed' })
export type ProgressInput = z.infer<typeof ProgressInput>

export const AddStudentInput = z.object({
  email: z.string({ required_error: 'Enter the student’s email' }).trim().toLowerCase().email('Enter an email address like name@example.com').max(254),
})
export type AddStudentInput = z.infer<typeof AddStudentInput>

export const StudentParams = z.object({ id: z.string().min(1).max(64), userId: z.string().min(1).max(64) })
