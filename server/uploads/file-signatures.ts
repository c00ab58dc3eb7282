// First-byte signatures of the attachment types that have one (videos: signature.ts).
export function looksLikeImage(head: Buffer): boolean {
  if (head.length < 12) return false
  if (head.readUInt32BE(0) === 0x89504E47) return true // PNG
  if (head[0] === 0xFF && head[1] === 0xD8 && head[2] === 0xFF) return true // JPEG
  if (head.subarray(0, 4).toString('latin1') === 'GIF8') return true // GIF
  return head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WEBP'
}

export function looksLikePdf(head: Buffer): boolean {
  return head.subarray(0, 5).toString('latin1') === '%PDF-'
}
