// One Idempotency-Key per write (server/middleware/06.idempotency.ts), the same on every attempt
// Vue Query makes of it: the mutation function's second argument is one object per mutate() call,
// handed again to each retry, so the key is tied to that object. A write sent with a key may be
// sent again safely (retriesSafely): the server answers a repeat with the first answer.
import { randomKey } from '../../utils/random-key'

const keys = new WeakMap<object, string>()

/** `attempt`: the mutation function's context argument. */
export function idempotencyKeyFor(attempt: object): string {
  let key = keys.get(attempt)
  if (!key) {
    key = randomKey()
    keys.set(attempt, key)
  }
  return key
}
