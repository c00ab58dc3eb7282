// Names for the entries of a zip of library files: what the library shows, made safe as a path
// inside the archive (no folders, no control characters, no "." or ".."), and unique ignoring
// case ("notes.pdf", "notes (2).pdf"), so no entry overwrites another when unpacked anywhere.
export function zipEntryNames(names: readonly string[]): string[] {
  const taken = new Set<string>()
  return names.map((raw) => {
    const safe = [...raw].map(c => (c.charCodeAt(0) < 32 || c === '/' || c === '\\' ? '_' : c)).join('').trim().replace(/^\.+$/, '') || 'file'
    const dot = safe.lastIndexOf('.')
    const [stem, extension] = dot > 0 ? [safe.slice(0, dot), safe.slice(dot)] : [safe, '']
    let name = safe
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${stem} (${n})${extension}`
    taken.add(name.toLowerCase())
    return name
  })
}
