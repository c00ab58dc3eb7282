// Is this the start of a video container? Checked on the first bytes the server receives, so a
// renamed document or executable is refused (415) before it fills the disk.
export const SIGNATURE_BYTES = 16

export function looksLikeVideo(head: Buffer): boolean {
  if (head.length < 12) return false
  const ascii = (start: number, end: number) => head.subarray(start, end).toString('latin1')
  if (ascii(4, 8) === 'ftyp') return true // MP4, M4V, MOV (ISO base media)
  if (['moov', 'mdat', 'wide', 'free', 'skip'].includes(ascii(4, 8))) return true // older QuickTime
  if (head.readUInt32BE(0) === 0x1A45DFA3) return true // Matroska, WebM (EBML)
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'AVI ') return true // AVI
  if (ascii(0, 4) === 'OggS') return true // Ogg (Theora)
  if (head[0] === 0x47 && (head.length < 189 || head[188] === 0x47)) return true // MPEG-TS
  if (head.readUInt32BE(0) === 0x000001BA) return true // MPEG-PS
  return false
}
