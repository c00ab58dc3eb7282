// What an upload is for. Each target says which users may upload into it, which files and sizes
// it accepts, what the first bytes must look like, and creates the rows the upload fills. The
// pipeline (tus-server.ts, handle-request.ts, progress, processing) is the same for all of them.
import type { User } from '#auth-utils'
import type { UploadTargetKind } from '#shared/uploads/targets'

export type { UploadTargetKind }

export interface NewUpload {
  user: User
  uploadId: string
  fileName: string
  mimeType: string
  sizeBytes: number
  /** The client's tus metadata (strings), e.g. chapterId, conversationId. */
  meta: Record<string, string | null | undefined>
}

export interface UploadTarget {
  kind: UploadTargetKind
  /** "lesson videos", "attachments": used in refusals (shared/uploads/targets.ts). */
  label: string
  maxBytes: () => number
  /** Null when the user may upload into this target at all; else the refusal (403). */
  refuseUser: (user: User) => string | null
  /** Null when the declared type and name are accepted; else why not (415). */
  refuseType: (mimeType: string, fileName: string) => string | null
  /** Do the first bytes match the declared type? A renamed executable is refused (415). */
  contentMatches: (head: Buffer, mimeType: string) => boolean
  /** Creates the rows (media file and what it belongs to); returns metadata kept with the upload. */
  begin: (upload: NewUpload) => Promise<Record<string, string>>
}
