// Names in a conversation archive: an attachment's entry is one safe path segment whatever its
// uploader called it, and the download is named after the other person in plain ASCII.
import { describe, expect, it } from 'vitest'
import { archivedFileHref, archivedFilePath, archiveFileName, safeFileName } from '../../server/services/conversation/archive-names'

describe('conversation archive names', () => {
  it('keeps ordinary names as they are', () => {
    expect(safeFileName('Certificate.pdf')).toBe('Certificate.pdf')
    expect(safeFileName('Zoë’s notes (2).docx')).toBe('Zoë’s notes (2).docx')
  })

  it('never leaves a folder, a dot name, a control or bidi character, or a character Windows refuses', () => {
    expect(safeFileName('../../etc/passwd')).toBe('_.._etc_passwd')
    expect(safeFileName('..')).toBe('file')
    expect(safeFileName('.')).toBe('file')
    expect(safeFileName('   ')).toBe('file')
    expect(safeFileName('.hidden')).toBe('hidden')
    expect(safeFileName('a\u0000b\u0007c\nd\u009Be\u007F.txt')).toBe('a_b_c_d_e_.txt')
    expect(safeFileName('photo\u202Egnp.exe')).toBe('photo_gnp.exe')
    expect(safeFileName('C:\\Users\\me\\a<b>|c?.png')).toBe('C__Users_me_a_b__c_.png')
    expect(safeFileName('trailing dots...')).toBe('trailing dots')
  })

  it('bounds long names on whole characters and keeps the extension', () => {
    const long = `${'😀'.repeat(200)}.pdf`
    const safe = safeFileName(long)
    expect([...safe]).toHaveLength(120)
    expect(safe.endsWith('😀.pdf')).toBe(true)
    expect(safe).toBe(safe.toWellFormed())
  })

  it('puts files under files/<id>-<safe name>, linked with each segment encoded', () => {
    const path = archivedFilePath({ id: 'att1', name: 'my notes #1?.pdf' })
    expect(path).toBe('files/att1-my notes #1_.pdf')
    expect(archivedFileHref(path)).toBe('files/att1-my%20notes%20%231_.pdf')
  })

  it('names the download after the other person (both of the pair for an observer)', () => {
    expect(archiveFileName({ counterparts: ['Zoë Ng'], day: '2026-12-06' })).toBe('conversation-zoe-ng-2026-12-06.zip')
    expect(archiveFileName({ counterparts: ['Sol Student', 'Iris Instructor'], day: '2026-12-06' })).toBe('conversation-sol-student-iris-instructor-2026-12-06.zip')
    expect(archiveFileName({ counterparts: ['李雷'], day: '2026-12-06' })).toBe('conversation-lectern-2026-12-06.zip')
    expect(archiveFileName({ counterparts: ['"; rm -rf /'], day: '2026-12-06' })).toBe('conversation-rm-rf-2026-12-06.zip')
  })
})
