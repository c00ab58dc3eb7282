// "Add from library" on a course's Files tab: which of my files, and what it is in the place
// (the roles the place and the file allow; the server checks the same).
import { useForm } from 'vee-validate'
import { toTypedSchema } from '@vee-validate/zod'
import { z } from 'zod'
import { MediaLinkInput } from '#shared/schemas/media'

export const AddFromLibraryForm = z.object({
  fileId: z.string({ required_error: 'Choose a file' }).min(1, 'Choose a file'),
  role: MediaLinkInput.innerType().shape.role,
})
export type AddFromLibraryValues = z.infer<typeof AddFromLibraryForm>

export function useAddFromLibraryForm() {
  return useForm<AddFromLibraryValues>({ validationSchema: toTypedSchema(AddFromLibraryForm) })
}
