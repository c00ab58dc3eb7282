export const LESSON_STATUSES = ['DRAFT', 'UPLOADING', 'PROCESSING', 'READY', 'FAILED'] as const
export type LessonStatus = typeof LESSON_STATUSES[number]
