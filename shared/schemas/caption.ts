// A lesson's captions: the studio's caption form and the caption routes share these.
import { z } from 'zod'

/** The largest caption file accepted: a two-hour lecture's captions are ~150 KB. */
export const CAPTION_MAX_BYTES = 512 * 1024
export const CAPTION_FILE_TYPES = '.vtt,.srt,text/vtt,application/x-subrip'

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' })

/** The language's English name when the tag is a BCP 47 language this runtime knows ("fr" → "French"), else null. */
export function captionLanguageName(tag: string): string | null {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag)
    if (!canonical) return null
    // With fallback 'none', a well-formed tag whose language is unknown ("xx") has no name.
    const base = languageNames.of(canonical.split('-')[0]!)
    return base ? languageNames.of(canonical) ?? base : null
  }
  catch {
    return null
  }
}

export const captionLanguage = z.string({ required_error: 'Choose a language' })
  .trim()
  .min(2, 'Choose a language')
  .max(35, 'Not a language code')
  .refine(tag => captionLanguageName(tag) !== null, 'Unknown language: use a code such as "en", "fr" or "pt-BR"')
  .transform(tag => Intl.getCanonicalLocales(tag)[0]!)

export const captionLabel = z.string({ required_error: 'Give it a label' })
  .trim()
  .min(1, 'Give it a label')
  .max(60, 'Keep the label under 60 characters')

/** The file's bytes, base64-encoded so the upload stays one JSON request (a caption file is small). */
const captionContent = z.string({ required_error: 'Choose a WebVTT or SRT file' })
  .min(1, 'The file is empty')
  .max(Math.ceil(CAPTION_MAX_BYTES / 3) * 4 + 4, `The file is larger than ${CAPTION_MAX_BYTES / 1024} KB`)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The file must be sent base64-encoded')

const captionFile = {
  fileName: z.string().trim().min(1).max(255),
  content: captionContent,
}

export const CaptionAddInput = z.object({ language: captionLanguage, label: captionLabel, ...captionFile })
export type CaptionAddInput = z.infer<typeof CaptionAddInput>

/** Replace: a new file for the same language; the label may change with it. */
export const CaptionReplaceInput = z.object({ label: captionLabel.optional(), ...captionFile })
export type CaptionReplaceInput = z.infer<typeof CaptionReplaceInput>

/** Make default (a caption stops being the default only when another becomes it) or rename. */
export const CaptionUpdateInput = z.object({ label: captionLabel, isDefault: z.literal(true) })
  .partial()
  .refine(value => value.label !== undefined || value.isDefault !== undefined, { message: 'Send a label or isDefault: true' })
export type CaptionUpdateInput = z.infer<typeof CaptionUpdateInput>

const id = z.string().min(1).max(64).regex(/^[\w-]+$/, 'Not an id')
export const CaptionParams = z.object({ id, captionId: id })

/** The studio form: the file is picked, not typed. */
export const CaptionForm = z.object({ language: captionLanguage, label: captionLabel })
export type CaptionForm = z.infer<typeof CaptionForm>
