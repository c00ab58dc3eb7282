// One Idempotency-Key per create (server/middleware/06.idempotency.ts), kept across Vue Query's
// retries of it: a retry calls the mutation function again with the same variables object, so the
// key is tied to that object. Each mutate() call must pass a new object (a spread, a form's values).
import { randomKey } from '../../utils/random-key'

const keys = new WeakMap<object, string>()

export function idempotencyKeyFor(variables: object): string {
  let key = keys.get(variables)
  if (!key) {
    key = randomKey()
    keys.set(variables, key)
  }
  return key
}
