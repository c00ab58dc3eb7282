// Demo captions: every lesson of the two courses the demo student is enrolled in has English
// captions (the default); the first D3 lesson has Spanish too, so the captions menu has a choice
// and the transcript and the catalog search ("scales", "closures") have text to show.
import type { PrismaClient } from '../../server/generated/prisma/client.ts'

const stamp = (ms: number) => new Date(ms).toISOString().slice(11, 23)

/**
 * A caption stored as the upload route stores one: the WebVTT, its cues' plain text and their
 * count. A cue every 3 s, shown for 2.9 s: a cue ending exactly where the next starts showed both
 * at that instant in Chromium.
 */
export async function createCaption(db: PrismaClient, lessonId: string, caption: { language: string, label: string, isDefault: boolean, lines: string[] }) {
  const vtt = `WEBVTT\n\n${caption.lines.map((line, i) => `${stamp(i * 3000)} --> ${stamp(i * 3000 + 2900)}\n${line}`).join('\n\n')}\n`
  return db.caption.create({
    data: { lessonId, language: caption.language, label: caption.label, isDefault: caption.isDefault, vtt, text: caption.lines.join('\n'), cueCount: caption.lines.length },
  })
}

const english = (title: string) => [
  `Welcome to “${title}”.`,
  'In this lesson we build the idea step by step, with a small example first.',
  'Pause the video whenever you want to try it yourself.',
  'Next we look at the common mistakes, and how to spot them early.',
]

const SPANISH: Record<string, string[]> = {
  'Why charts work': [
    'Bienvenidos a «Por qué funcionan los gráficos».',
    'Un buen gráfico responde a una pregunta antes de que la hagas.',
    'Las escalas convierten los datos en posiciones y colores.',
    'En la próxima lección construimos nuestros primeros ejes.',
  ],
}

export async function seedDemoCaptions(db: PrismaClient, courseIds: string[]): Promise<number> {
  const lessons = await db.video.findMany({ where: { chapter: { courseId: { in: courseIds } } }, select: { id: true, title: true } })
  for (const lesson of lessons) {
    await createCaption(db, lesson.id, { language: 'en', label: 'English', isDefault: true, lines: english(lesson.title) })
    const spanish = SPANISH[lesson.title]
    if (spanish) await createCaption(db, lesson.id, { language: 'es', label: 'Español', isDefault: false, lines: spanish })
  }
  return lessons.length
}
