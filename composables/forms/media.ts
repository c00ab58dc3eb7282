// The media library's forms: renaming a file (a server-backed form: clean at once on save, back
// to the server's name with the typed text kept when the save fails) and linking a file to a
// place ("where" and "as what"; the place is chosen as `TYPE:id` from one grouped list).
import { useForm } from 'vee-validate'
import { toTypedSchema } from '@vee-validate/zod'
import { z } from 'zod'
import { MediaLinkInput, RenameMediaInput } from '#shared/schemas/media'
import { useServerBackedForm } from './server-backed-form'

export function useRenameMediaForm(name: string) {
  return useServerBackedForm({ schema: toTypedSchema(RenameMediaInput), initial: { name }, fields: ['name'] as const })
}

/** The link form: a course, a place in it (`COURSE:id`, `CHAPTER:id` or `LESSON:id`) and a role. */
export const MediaLinkForm = z.object({
  courseId: z.string({ required_error: 'Choose a course' }).min(1, 'Choose a course'),
  place: z.string({ required_error: 'Choose where' }).regex(/^(COURSE|CHAPTER|LESSON):[\w-]+$/, 'Choose where'),
  role: MediaLinkInput.innerType().shape.role,
}).superRefine((values, context) => {
  const [targetType = '', targetId = ''] = values.place.split(':')
  const parsed = MediaLinkInput.safeParse({ targetType, targetId, role: values.role })
  if (!parsed.success) for (const issue of parsed.error.issues) context.addIssue({ ...issue, path: ['role'] })
})
export type MediaLinkFormValues = z.infer<typeof MediaLinkForm>

export function toLinkInput(values: MediaLinkFormValues): MediaLinkInput {
  const [targetType, targetId] = values.place.split(':') as [MediaLinkInput['targetType'], string]
  return { targetType, targetId, role: values.role }
}

export function useMediaLinkForm() {
  return useForm<MediaLinkFormValues>({ validationSchema: toTypedSchema(MediaLinkForm) })
}
