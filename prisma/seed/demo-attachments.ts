// Files in the demo conversation: the student's photo of a sketch (an image with its size and
// thumbnail) and the instructor's PDF handout, stored where uploads go so they open like any
// attachment. The image needs ffmpeg (as the demo clips do); without it only the PDF is added.
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { PrismaClient } from '../../server/generated/prisma/client.ts'
import { thumbnailKey, useObjectStore } from '../../server/storage/index.ts'

interface DemoFile { name: string, mimeType: string, bytes: Buffer, width?: number, height?: number, thumbnail?: Buffer }

let image: DemoFile | null | undefined

/** A chart-like test image (800 × 500) and its 480 px thumbnail, or null without ffmpeg (made once per process). */
export function demoImage(): DemoFile | null {
  if (image === undefined) image = makeDemoImage()
  return image
}

function makeDemoImage(): DemoFile | null {
  try {
    const dir = mkdtempSync(join(tmpdir(), 'lectern-demo-image-'))
    const image = join(dir, 'sketch.png')
    const thumbnail = join(dir, 'sketch.jpg')
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=800x500:rate=1', '-frames:v', '1', image], { stdio: 'ignore' })
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', image, '-frames:v', '1', '-vf', 'scale=480:-2', thumbnail], { stdio: 'ignore' })
    return { name: 'Log-scale sketch.png', mimeType: 'image/png', bytes: readFileSync(image), width: 800, height: 500, thumbnail: readFileSync(thumbnail) }
  }
  catch {
    return null
  }
}

/** A one-page PDF handout, written by hand (no tool needed). */
export function demoPdf(): DemoFile {
  const text = 'Scales cheat sheet: linear, log, sqrt'
  const stream = `BT /F1 18 Tf 72 720 Td (${text}) Tj ET`
  const objects = [
    '<</Type/Catalog/Pages 2 0 R>>',
    '<</Type/Pages/Kids[3 0 R]/Count 1>>',
    '<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>',
    `<</Length ${stream.length}>>stream\n${stream}\nendstream`,
    '<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>',
  ]
  let body = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((object, i) => {
    offsets.push(body.length)
    body += `${i + 1} 0 obj${object}endobj\n`
  })
  const xref = body.length
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map(o => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
  body += `trailer<</Size ${objects.length + 1}/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`
  return { name: 'Scales cheat sheet.pdf', mimeType: 'application/pdf', bytes: Buffer.from(body) }
}

/** Stores a file as a sent attachment of a message. */
export async function attachDemoFile(db: PrismaClient, { messageId, uploaderId, file }: { messageId: string, uploaderId: string, file: DemoFile }): Promise<void> {
  const key = randomBytes(16).toString('hex')
  const objects = useObjectStore()
  await objects.prepare()
  await objects.put(key, file.bytes)
  if (file.thumbnail) await objects.put(thumbnailKey(key), file.thumbnail)
  const message = await db.message.findUniqueOrThrow({ where: { id: messageId }, select: { conversationId: true, createdAt: true } })
  await db.attachment.create({
    data: {
      conversation: { connect: { id: message.conversationId } },
      message: { connect: { id: messageId } },
      uploaderId,
      createdAt: message.createdAt,
      mediaFile: {
        create: {
          ownerId: uploaderId, purpose: 'ATTACHMENT' as const, storageKey: key, originalName: file.name, mimeType: file.mimeType,
          sizeBytes: BigInt(file.bytes.length), receivedBytes: BigInt(file.bytes.length), status: 'READY' as const,
          width: file.width ?? null, height: file.height ?? null, thumbnailKey: file.thumbnail ? `${key}.jpg` : null,
        },
      },
    },
  })
}
