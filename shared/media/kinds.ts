// The kinds of file the media library holds, from a file's type and name: what the library
// filters by, which icon it shows, and what the library upload target accepts.
export const MEDIA_KINDS = ['video', 'image', 'pdf', 'slides', 'document', 'audio', 'archive'] as const
export type MediaKind = typeof MEDIA_KINDS[number]
export const MEDIA_KIND_LABELS: Record<MediaKind, string> = {
  video: 'Videos', image: 'Images', pdf: 'PDFs', slides: 'Slides', document: 'Documents', audio: 'Audio', archive: 'Archives',
}

const EXTENSIONS: Record<MediaKind, string[]> = {
  video: ['mp4', 'm4v', 'mov', 'webm', 'mkv', 'avi', 'ogv', 'mpg', 'mpeg'],
  image: ['png', 'jpg', 'jpeg', 'gif', 'webp', 'svg'],
  pdf: ['pdf'],
  slides: ['ppt', 'pptx', 'odp', 'key'],
  document: ['doc', 'docx', 'odt', 'rtf', 'txt', 'md', 'csv', 'xls', 'xlsx', 'ods'],
  audio: ['mp3', 'm4a', 'aac', 'wav', 'ogg', 'oga', 'flac', 'opus'],
  archive: ['zip', 'tar', 'gz', 'tgz', '7z'],
}

export const MEDIA_EXTENSIONS = Object.values(EXTENSIONS).flat()

/** The kind of a file by its name's extension (types sent by browsers are unreliable for documents). */
export function mediaKindOf(fileName: string, mimeType = ''): MediaKind | null {
  const extension = fileName.includes('.') ? fileName.toLowerCase().split('.').pop() ?? '' : ''
  for (const kind of MEDIA_KINDS) if (EXTENSIONS[kind].includes(extension)) return kind
  if (mimeType.startsWith('video/')) return 'video'
  if (mimeType.startsWith('image/')) return 'image'
  return null
}

/** SQL-free description of each kind for the list filter: the extensions it covers. */
export const mediaKindExtensions = (kind: MediaKind) => EXTENSIONS[kind]
