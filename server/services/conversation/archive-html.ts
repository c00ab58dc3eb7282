// The archive's `transcript.html`: the conversation as the app draws it (messages grouped by the
// day they are about, who wrote each and as what, when, activity and milestones as events of the
// stream, files as links and images shown inline), readable offline: one file with its style
// inside, no script, nothing loaded from anywhere but the archive's own `files/` folder. Every
// text from people is escaped. Written as a stream, a page of messages at a time.
import { MESSAGE_TYPE_LABELS } from '#shared/schemas/conversation'
import type { ChatMessage } from '#shared/types/conversation'
import { archivedFileHref } from './archive-names'
import { archivedAttachment, archivePages, formatBytes, MISSING_LABELS, readableDay, readableTime, ROLE_LABELS, senderLabel } from './archive-context'
import type { ArchiveContext } from './archive-context'

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' }
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, c => ESCAPES[c]!)

const INLINE_IMAGE = /^image\/(png|jpeg|gif|webp)$/

const STYLE = `
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d2430; background: #f6f7f9; margin: 0; }
main { max-width: 760px; margin: 0 auto; padding: 16px; }
header { border-bottom: 1px solid #d5d9e0; margin-bottom: 8px; }
h1 { font-size: 1.4rem; margin: 0 0 4px; overflow-wrap: anywhere; }
.about { color: #5a6372; font-size: .9rem; margin: 2px 0; }
h2 { font-size: .85rem; text-align: center; color: #5a6372; margin: 20px 0 6px; }
article { background: #fff; border: 1px solid #d5d9e0; border-radius: 12px; padding: 8px 12px; margin: 8px 0; }
article.activity_log, article.milestone { text-align: center; background: transparent; border-style: dashed; color: #5a6372; }
article.milestone { border-style: solid; border-color: #2f8f5b; background: #eef8f2; color: #1d2430; }
.meta { font-size: .8rem; color: #5a6372; margin: 0 0 2px; display: flex; flex-wrap: wrap; gap: 4px 8px; }
.meta strong { color: #1d2430; }
.body { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; }
.files { list-style: none; padding: 0; margin: 6px 0 0; }
.files li { margin: 4px 0; overflow-wrap: anywhere; }
.files img { display: block; max-width: 100%; height: auto; border-radius: 8px; margin-top: 4px; }
.size, .missing, .reference .unavailable { color: #5a6372; font-size: .8rem; }
.missing, .unavailable, .shared { font-style: italic; }
.reference { border-left: 3px solid #b8bfca; padding-left: 8px; margin: 0 0 4px; font-size: .85rem; }
time { font-size: .75rem; }
`

function head(context: ArchiveContext): string {
  const { student, instructor } = context.conversation
  const who = `${escapeHtml(student.name)} and ${escapeHtml(instructor.name)}`
  const scope = context.exportedBy.readerRole === 'observer'
    ? `Only the messages shared with ${escapeHtml(context.exportedBy.name)} (observer) are included.`
    : 'Every message of the conversation is included.'
  const exported = context.exportedAt.toISOString()
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Lectern conversation archive, version 1">
<title>Conversation between ${who}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<header>
<h1>Conversation between ${who}</h1>
<p class="about">${escapeHtml(student.name)} (${ROLE_LABELS.STUDENT}) · ${escapeHtml(instructor.name)} (${ROLE_LABELS.INSTRUCTOR})</p>
<p class="about">Downloaded by ${escapeHtml(context.exportedBy.name)} on <time datetime="${exported}">${escapeHtml(readableTime(context, exported))}</time>. ${scope} Times are in ${escapeHtml(context.timeZone)}.</p>
</header>
`
}

function attachmentsHtml(context: ArchiveContext, message: ChatMessage): string {
  if (!message.attachments.length) return ''
  const items = message.attachments.map((attachment) => {
    const archived = archivedAttachment(context, attachment)
    const name = escapeHtml(attachment.name)
    const size = `<span class="size">${formatBytes(attachment.sizeBytes)}</span>`
    if (!archived.path) return `<li>${name} ${size} <span class="missing">(${MISSING_LABELS[archived.missing!]})</span></li>`
    const href = escapeHtml(archivedFileHref(archived.path))
    const image = INLINE_IMAGE.test(attachment.mimeType)
      ? `<img src="${href}" alt="${name}" loading="lazy"${attachment.width && attachment.height ? ` width="${attachment.width}" height="${attachment.height}"` : ''}>`
      : ''
    return `<li><a href="${href}">${name}</a> ${size}${image}</li>`
  })
  return `<ul class="files">${items.join('')}</ul>`
}

function referenceHtml(context: ArchiveContext, message: ChatMessage): string {
  const reference = message.reference
  if (!reference) return ''
  if (!reference.attachment) return '<p class="reference">↪ <span class="unavailable">Refers to a file that is not shared with you</span></p>'
  const path = context.files.get(reference.attachment.id)
  const name = escapeHtml(reference.attachment.name)
  return `<p class="reference">↪ Refers to ${path ? `<a href="${escapeHtml(archivedFileHref(path))}">${name}</a>` : name}</p>`
}

export function messageHtml(context: ArchiveContext, message: ChatMessage): string {
  const shared = message.access === 'OBSERVERS' && message.sender ? '<span class="shared">shared with observers</span>' : ''
  const milestone = message.type === 'MILESTONE' ? '🏁 ' : ''
  const body = message.body || milestone ? `<p class="body">${milestone}${escapeHtml(message.body)}</p>` : ''
  return `<article id="m-${escapeHtml(message.id)}" class="${message.type.toLowerCase()}">
<p class="meta"><strong>${escapeHtml(senderLabel(message))}</strong><span>${MESSAGE_TYPE_LABELS[message.type]}</span>${shared}<time datetime="${message.createdAt}">${escapeHtml(readableTime(context, message.createdAt))}</time></p>
${referenceHtml(context, message)}${body}${attachmentsHtml(context, message)}
</article>
`
}

export async function* htmlTranscript(context: ArchiveContext): AsyncGenerator<string> {
  yield head(context)
  let day: string | null = null
  let count = 0
  for await (const page of archivePages(context)) {
    let chunk = ''
    for (const message of page) {
      if (message.targetDate !== day) {
        chunk += `${day ? '</section>\n' : ''}<section aria-label="${escapeHtml(readableDay(message.targetDate))}">\n<h2>${escapeHtml(readableDay(message.targetDate))}</h2>\n`
        day = message.targetDate
      }
      chunk += messageHtml(context, message)
      count++
    }
    yield chunk
  }
  yield `${day ? '</section>\n' : ''}${count ? '' : '<p class="about">No messages.</p>\n'}</main>\n</body>\n</html>\n`
}
