// TEMPORARY, for the merge of issue 16's two halves: the old address of GET /api/courses/:id/files
// (files.get.ts), kept only until the client's course-files query asks for /files. Revert this
// commit once it does.
import filesHandler from './files.get'

export default filesHandler
