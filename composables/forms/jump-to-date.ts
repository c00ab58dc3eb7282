// "Jump to date" in a conversation: one day field, validated by the shared schema. The day the
// stream shows lives in the address (?day=), so a jump survives reload and Back; the form only
// holds what is being typed.
import { useForm } from 'vee-validate'
import { toTypedSchema } from '@vee-validate/zod'
import { JumpToDateInput } from '#shared/schemas/messages'

export function useJumpToDateForm(initial: () => string) {
  return useForm({ validationSchema: toTypedSchema(JumpToDateInput), initialValues: { day: initial() } })
}
