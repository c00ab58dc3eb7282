// The instructor's observer forms: "link an observer by email", and a message's visibility
// (access radio + one checkbox per linked observer), each validated by the schema its route uses.
import { useForm } from 'vee-validate'
import { toTypedSchema } from '@vee-validate/zod'
import { AddObserverInput, SetMessageVisibilityInput } from '#shared/schemas/observer'
import type { MessageAccess } from '#shared/schemas/conversation'

export function useAddObserverForm() {
  return useForm({ validationSchema: toTypedSchema(AddObserverInput), initialValues: { email: '' } })
}

/** Initialised from the server's visibility of the message (the dialog mounts once it has loaded). */
export function useMessageVisibilityForm(initial: { access: MessageAccess, grantedTo: string[] }) {
  return useForm({ validationSchema: toTypedSchema(SetMessageVisibilityInput), initialValues: { access: initial.access, grantedTo: [...initial.grantedTo] } })
}
