// HEAD/PATCH/DELETE /api/uploads/<id>: offset, bytes and cancel of a resumable upload.
import { handleUploadRequest } from '../../../uploads/handle-request'

export default defineEventHandler(handleUploadRequest)
