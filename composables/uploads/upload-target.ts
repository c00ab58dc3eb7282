// What a file is uploaded for, on the client: a lesson's video (a new lesson in a chapter, or a
// lesson's file replaced), an attachment in a conversation, or a file for the media library.
// The server has the same targets, and accepts and refuses with the same rules and words
// (shared/uploads/targets.ts).
import { typeRefusal } from '#shared/uploads/targets'

export type UploadTarget
  = | { kind: 'lesson', courseId: string, chapterId: string, lessonId?: string }
    | { kind: 'attachment', conversationId: string }
    /** mediaId: an interrupted library upload this file continues (known before the server answers). */
    | { kind: 'library', mediaId?: string }

/** Null when the file may go to the target; else why not (checked before any byte moves). */
export function refusalFor(target: UploadTarget, file: File): string | null {
  return typeRefusal(target.kind, file.type, file.name)
}

/** The tus metadata that tells the server what the upload is for. */
export function metadataFor(target: UploadTarget): Record<string, string> {
  if (target.kind === 'attachment') return { target: 'attachment', conversationId: target.conversationId }
  if (target.kind === 'library') return { target: 'library' }
  return { target: 'lesson', chapterId: target.chapterId, ...(target.lessonId ? { lessonId: target.lessonId } : {}) }
}
