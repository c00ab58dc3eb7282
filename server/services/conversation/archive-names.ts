// Names in and of a conversation archive. An attachment's bytes go to `files/<attachment id>-<name>`:
// the id keeps entries unique whatever people named their files, and the name is made safe as one
// path segment on any system it is unpacked on (no folders, no "..", no control or bidi-override
// characters, none of the characters Windows refuses, a bounded length that keeps the extension).

/** C0/C1 control characters, DEL, and the bidi controls that can make "gpj.exe" read as "exe.jpg". */
function unsafe(c: string): boolean {
  const code = c.codePointAt(0)!
  return code < 0x20 || (code >= 0x7F && code <= 0x9F) || code === 0x200E || code === 0x200F
    || (code >= 0x202A && code <= 0x202E) || (code >= 0x2066 && code <= 0x2069)
}
const RESERVED = /[/\\:*?"<>|]/g
const MAX_NAME = 120

export function safeFileName(raw: string): string {
  const cleaned = [...raw.normalize('NFC')].map(c => (unsafe(c) ? '_' : c)).join('').replace(RESERVED, '_').trim()
    // Leading dots: never "." or "..", and no hidden files when unpacked.
    .replace(/^\.+/, '').replace(/[. ]+$/, '')
  const name = cleaned || 'file'
  const chars = [...name] // whole characters: cutting between a surrogate pair would leave half of one
  if (chars.length <= MAX_NAME) return name
  const dot = chars.lastIndexOf('.')
  const extension = dot > 0 && chars.length - dot <= 16 ? chars.slice(dot) : []
  return [...chars.slice(0, MAX_NAME - extension.length), ...extension].join('')
}

/** Where an attachment's bytes are inside the archive. */
export const archivedFilePath = (attachment: { id: string, name: string }) => `files/${attachment.id}-${safeFileName(attachment.name)}`

/** The same path as a link from a transcript at the archive's root (each segment URL-encoded). */
export const archivedFileHref = (path: string) => path.split('/').map(encodeURIComponent).join('/')

/** A name as a lowercase ASCII word for the download's file name ("Zoë Ng" → "zoe-ng"). */
function slug(name: string): string {
  return name.normalize('NFKD').replace(/[\u0300-\u036F]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40).replace(/-+$/, '')
}

/** `conversation-<the other person>-<day>.zip`; an observer's names both people of the pair. */
export function archiveFileName({ counterparts, day }: { counterparts: string[], day: string }): string {
  const who = counterparts.map(slug).filter(Boolean).join('-') || 'lectern'
  return `conversation-${who}-${day}.zip`
}
