// The editor's validation timing: a field shows its error after the user leaves it (or submits),
// not while they are still typing the first characters; once it shows an error, every keystroke
// re-checks it, so the message disappears as soon as the value is fixed.
import { useField } from 'vee-validate'

export function useQuietField<T>(name: string) {
  const field = useField<T>(name, undefined, { validateOnValueUpdate: false })
  return Object.assign(field, {
    recheck: () => {
      if (field.errorMessage.value) void field.validate()
    },
  })
}
