import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { data } from '../support/api-client'
import type { ApiClient } from '../support/api-client'
import { newPage, visit } from '../support/browser'
import { conversationPair } from '../support/conversation-fixtures'
import { samplePdf, samplePng } from '../support/attachment-fixtures'
import type { PendingAttachment } from '../../shared/types/conversation'

/** A tab that learns of new messages and files only through its socket (no fallback polling). */
async function chatTab(client: ApiClient, conversationId: string) {
  const page = await newPage(client)
  await page.addInitScript(() => localStorage.setItem('lectern:realtime-fallback', 'off'))
  await visit(page, `/messages/${conversationId}`)
  return page
}
const bubble = (page: Page, text: string) => page.getByTestId('message').filter({ hasText: text })
const composerFile = (page: Page, name: string) => page.getByTestId('composer-file').filter({ hasText: name })

// Two uploads each wait up to 30 s for processing on a loaded two-core box: vitest's default 30 s
// per test is shorter than its own waits.
describe('attachments in the browser', { timeout: 90_000 }, () => {
  it('uploads files from the composer, keeps them across a reload, sends them, and the other side sees the image live and refers to it', async () => {
    const { student, instructor, conversationId } = await conversationPair({ instructorName: 'Iris Files', studentName: 'Sol Files' })
    const [studentPage, instructorPage] = await Promise.all([chatTab(student, conversationId), chatTab(instructor, conversationId)])

    await studentPage.getByTestId('attach-input').setInputFiles([samplePng('320x240')])
    await expect.poll(() => composerFile(studentPage, 'testsrc-320x240.png').getAttribute('data-status'), { timeout: 30_000 }).toBe('READY')
    // A file the composer does not take is refused before any byte moves.
    await studentPage.getByTestId('attach-input').setInputFiles([{ name: 'tool.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ') }])
    await studentPage.getByText('“tool.exe” cannot be attached').waitFor()

    // The composer's files are the server's: they are still there after a reload.
    await studentPage.reload()
    await studentPage.waitForSelector('html[data-hydrated="true"]')
    await composerFile(studentPage, 'testsrc-320x240.png').waitFor()
    await studentPage.getByTestId('attach-input').setInputFiles([{ name: 'Reading list.pdf', mimeType: 'application/pdf', buffer: samplePdf() }])
    await expect.poll(() => composerFile(studentPage, 'Reading list.pdf').getAttribute('data-status'), { timeout: 30_000 }).toBe('READY')

    await studentPage.getByLabel('Message', { exact: true }).fill('My whiteboard from today')
    await studentPage.getByRole('button', { name: 'Send' }).click()
    await expect.poll(() => bubble(studentPage, 'My whiteboard').getAttribute('data-status')).toBe('sent')
    expect(await studentPage.getByTestId('composer-file').count()).toBe(0)

    // Live on the instructor's side, with the thumbnail sized from the metadata and the PDF as a link.
    const received = bubble(instructorPage, 'My whiteboard from today')
    await received.waitFor({ timeout: 5000 })
    const image = received.getByRole('img', { name: 'testsrc-320x240.png' })
    await image.waitFor()
    expect(await image.getAttribute('loading')).toBe('lazy')
    expect([await image.getAttribute('width'), await image.getAttribute('height')]).toEqual(['240', '180'])
    await expect.poll(() => image.evaluate(img => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0)
    const pdfLink = received.getByRole('link', { name: 'Reading list.pdf' })
    expect(await pdfLink.getAttribute('href')).toMatch(/^\/api\/attachments\/[\w-]+\/content$/)

    // The instructor points a reply at the image.
    await received.getByRole('button', { name: 'Refer to testsrc-320x240.png in a new message' }).click()
    await instructorPage.getByTestId('composer-reference').waitFor()
    await instructorPage.getByLabel('Message', { exact: true }).fill('Nice diagram')
    await instructorPage.getByLabel('Message', { exact: true }).press('Enter')
    const reply = bubble(studentPage, 'Nice diagram')
    await reply.waitFor({ timeout: 5000 })
    expect(await reply.getByTestId('reference').innerText()).toContain('testsrc-320x240.png')
    expect(await instructorPage.getByTestId('composer-reference').count()).toBe(0)
  })

  it('catches up on a file that was ready before the page\'s subscription took effect (its event reached no one)', async () => {
    const { student, conversationId } = await conversationPair({ instructorName: 'Ida Gap', studentName: 'Gus Gap' })
    const page = await newPage(student)
    await page.addInitScript(() => localStorage.setItem('lectern:realtime-fallback', 'off'))
    // The conversation's subscribe is held back until the file is processed: the gap between a page
    // loading its data and its subscription, stretched.
    const held: Array<() => void> = []
    let holding = true
    await page.routeWebSocket(/\/_ws$/, (ws) => {
      const server = ws.connectToServer()
      ws.onMessage((message) => {
        if (holding && String(message).includes(`"conversation:${conversationId}"`)) held.push(() => server.send(message))
        else server.send(message)
      })
      server.onMessage(message => ws.send(message))
    })
    await visit(page, `/messages/${conversationId}`)
    await expect.poll(() => held.length, { timeout: 10_000 }).toBeGreaterThan(0)

    await page.getByTestId('attach-input').setInputFiles([{ name: 'Gap notes.pdf', mimeType: 'application/pdf', buffer: samplePdf() }])
    const onServer = async () => data(await student.request<PendingAttachment[]>('GET', `/api/conversations/${conversationId}/attachments`))[0]?.status
    await expect.poll(onServer, { timeout: 30_000 }).toBe('READY')
    expect(await composerFile(page, 'Gap notes.pdf').getAttribute('data-status')).not.toBe('READY') // its event went to no one

    holding = false
    for (const send of held) send()
    await expect.poll(() => composerFile(page, 'Gap notes.pdf').getAttribute('data-status'), { timeout: 5000 }).toBe('READY')
  })
})
