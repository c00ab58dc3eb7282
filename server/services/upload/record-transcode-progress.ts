// The transcode worker's progress report: told to the lesson's course (the studio shows
// "Preparing streams 40 %"). Nothing is written: a reload shows the next report, a second later.
import { AppError } from '../../utils/errors'
import { findUpload } from './find-upload'
import { announceTranscodeProgress } from './announce-transcode-progress'

export async function recordTranscodeProgress({ uploadId, percent }: { uploadId: string, percent: number }) {
  const upload = await findUpload(uploadId)
  if (!upload) throw new AppError('NOT_FOUND', 'Upload not found')
  // A library video is no lesson's yet: no editor follows it. A replacement is made into a ladder
  // only once it is the lesson's video (set-upload-state.ts swaps it in first).
  if (upload.lesson && !upload.lesson.replacement) await announceTranscodeProgress({ courseId: upload.lesson.courseId, chapterId: upload.lesson.chapterId, lessonId: upload.lesson.lessonId, percent })
  return { percent }
}
