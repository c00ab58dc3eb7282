// A VeeValidate form whose baseline is server data (Vue Query). It never copies server data into
// its values while the user types; it only moves its *initial* values:
// - markSaved: the optimistic reset on save (the form is clean at once, Save disables);
// - revertToServer: after a failed save, the last server values become the baseline again while
//   the inputs keep the user's text, so nothing typed is lost and the form is dirty again;
// - serverChanged: the server's version changed (refetch, another tab); fields the user changed
//   keep what they are typing, untouched fields follow the server.
import { useForm } from 'vee-validate'
import type { TypedSchema } from 'vee-validate'
import { computed } from 'vue'

export function useServerBackedForm<Values extends Record<string, unknown>, Output extends Record<string, unknown>>(options: {
  schema: TypedSchema<Values, Output>
  initial: Values
  fields: readonly (keyof Values & string)[]
}) {
  const form = useForm<Values, Output>({ validationSchema: options.schema, initialValues: options.initial as never })
  const { fields } = options

  const initialValues = () => form.meta.value.initialValues as Partial<Values>

  /** Fields whose input differs from the baseline, judged on the live values. */
  const changedFields = () => fields.filter(f => form.values[f] !== initialValues()[f])

  function rebase(base: Values, keep: 'all' | 'dirty') {
    const current = { ...form.values } as Values
    const kept = keep === 'all' ? [...fields] : changedFields()
    form.resetForm({ values: base as never })
    for (const field of kept) {
      if (current[field] !== base[field]) form.setFieldValue(field as never, current[field] as never)
    }
  }

  return {
    ...form,
    changedFields,
    dirtyFieldCount: computed(() => changedFields().length),
    markSaved: () => form.resetForm({ values: { ...form.values } as never }),
    revertToServer: (server: Values) => rebase(server, 'all'),
    serverChanged: (server: Values) => rebase(server, 'dirty'),
  }
}
