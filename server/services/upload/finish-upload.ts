// Every byte of an upload arrived: its file (and the lesson or attachment it fills) shows
// "processing" and the processing job is queued.
import { enqueue } from '../../database/job-queue'
import { setUploadState } from './set-upload-state'

export async function finishUpload({ uploadId, receivedBytes }: { uploadId: string, receivedBytes: number }): Promise<void> {
  await setUploadState(uploadId, { status: 'PROCESSING', receivedBytes })
  await enqueue('media:process', { uploadId })
}
