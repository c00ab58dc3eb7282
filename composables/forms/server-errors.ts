import { ApiRequestError } from '../api/api-client'

/** Puts the server's per-field validation messages under the matching inputs. */
export function applyServerFieldErrors(error: unknown, setFieldError: (field: never, message: string | undefined) => void): boolean {
  if (!(error instanceof ApiRequestError) || !error.fields) return false
  for (const [field, messages] of Object.entries(error.fields)) setFieldError(field as never, messages[0])
  return true
}
