// What the instructor's students routes (and their live events) carry (dates are ISO strings on the wire).

/** A row of the instructor's students page. */
export interface StudentRow {
  userId: string
  name: string
  email: string
  enrolledAt: string
  source: 'SELF' | 'INSTRUCTOR'
  lastActiveAt: string
  completedAt: string | null
  percentComplete: number
  /** Ids of the lessons this student has completed. */
  completedLessonIds: string[]
}
