// What can be attached to a message: images, PDFs, documents, audio and video, up to a
// configurable size (LECTERN_MAX_ATTACHMENT_BYTES, default 100 MB). The client checks a file
// before any byte moves; the server checks the same list when the upload is created.
export type AttachmentKind = 'image' | 'pdf' | 'document' | 'audio' | 'video'

export const DEFAULT_MAX_ATTACHMENT_BYTES = 100 * 1024 ** 2

const DOCUMENT_TYPES: Record<string, string[]> = {
  'application/msword': ['doc'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.ms-excel': ['xls'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.ms-powerpoint': ['ppt'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['pptx'],
  'application/vnd.oasis.opendocument.text': ['odt'],
  'application/vnd.oasis.opendocument.spreadsheet': ['ods'],
  'application/vnd.oasis.opendocument.presentation': ['odp'],
  'application/rtf': ['rtf'],
  'text/plain': ['txt'],
  'text/csv': ['csv'],
  'text/markdown': ['md', 'markdown'],
}

const EXTENSIONS: Record<Exclude<AttachmentKind, 'document'>, { mimePrefix: string, extensions: string[] }> = {
  image: { mimePrefix: 'image/', extensions: ['png', 'jpg', 'jpeg', 'gif', 'webp'] },
  pdf: { mimePrefix: 'application/pdf', extensions: ['pdf'] },
  audio: { mimePrefix: 'audio/', extensions: ['mp3', 'm4a', 'aac', 'wav', 'ogg', 'oga', 'flac', 'opus', 'weba'] },
  video: { mimePrefix: 'video/', extensions: ['mp4', 'm4v', 'mov', 'webm', 'mkv', 'ogv'] },
}

export const ATTACHMENT_EXTENSIONS = [...Object.values(EXTENSIONS).flatMap(k => k.extensions), ...Object.values(DOCUMENT_TYPES).flat()]

const extensionOf = (fileName: string) => (fileName.includes('.') ? fileName.toLowerCase().split('.').pop() ?? '' : '')

/** The kind of an attachable file from its declared type and name, or null when it is not one. */
export function attachmentKind(mimeType: string, fileName: string): AttachmentKind | null {
  const mime = mimeType.toLowerCase().split(';')[0]!.trim()
  const extension = extensionOf(fileName)
  for (const [kind, rule] of Object.entries(EXTENSIONS) as [Exclude<AttachmentKind, 'document'>, typeof EXTENSIONS.image][]) {
    if (mime.startsWith(rule.mimePrefix) && rule.extensions.includes(extension)) return kind
  }
  // Browsers often send no type (or a generic one) for documents: the extension decides then.
  const byMime = DOCUMENT_TYPES[mime]
  if (byMime?.includes(extension)) return 'document'
  if ((!mime || mime === 'application/octet-stream') && Object.values(DOCUMENT_TYPES).some(list => list.includes(extension))) return 'document'
  return null
}

/** Shown when a file is refused, and next to the attach button. */
export const ATTACHMENT_TYPES_HINT = 'images, PDFs, documents (Word, Excel, PowerPoint, OpenDocument, text), audio and video'
