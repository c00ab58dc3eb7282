export const VIDEO_STATUSES = ['DRAFT', 'UPLOADING', 'PROCESSING', 'READY', 'FAILED'] as const
export type VideoStatus = typeof VIDEO_STATUSES[number]
