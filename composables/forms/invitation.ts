// Accepting an invitation: name and password, validated by the schema the route uses (the token
// rides along as a field the person never sees).
import { useForm } from 'vee-validate'
import { toTypedSchema } from '@vee-validate/zod'
import { AcceptInvitationInput } from '#shared/schemas/invitation'

export function useAcceptInvitationForm(token: string) {
  return useForm({ validationSchema: toTypedSchema(AcceptInvitationInput), initialValues: { token, name: '', password: '' } })
}
