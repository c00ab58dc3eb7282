// POST /api/uploads creates a resumable upload (the catch-all below does not match the bare path).
import { handleUploadRequest } from '../../../uploads/handle-request'

export default defineEventHandler(handleUploadRequest)
