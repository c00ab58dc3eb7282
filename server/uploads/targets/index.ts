// The upload targets by the name a client puts in its tus metadata (`target`).
import { attachmentTarget } from './attachment'
import { lessonTarget } from './lesson'
import { libraryTarget } from './library'
import type { UploadTarget, UploadTargetKind } from './target'

export const uploadTargets: Record<UploadTargetKind, UploadTarget> = { lesson: lessonTarget, attachment: attachmentTarget, library: libraryTarget }

export function uploadTargetNamed(name: string | null | undefined): UploadTarget | null {
  return name && Object.hasOwn(uploadTargets, name) ? uploadTargets[name as UploadTargetKind] : null
}

/** The largest size any target accepts: tus refuses bigger uploads before asking the target. */
export const largestUploadBytes = () => Math.max(...Object.values(uploadTargets).map(target => target.maxBytes()))
