// A page opened from a mailed link (password reset, observer invitation): the token in its
// address, and why the link cannot be used — missing from the address, or refused by the server's
// check (used, expired, unknown: a 4xx). A failed check that is not a refusal (offline, 5xx) is
// not a verdict on the link; the page offers to try the check again instead.
import type { Ref } from 'vue'
import { ApiRequestError } from '../api/api-client'

export function useMailedLinkToken() {
  const route = useRoute()
  return computed(() => (typeof route.query.token === 'string' ? route.query.token : ''))
}

export function useMailedLinkRefusal(token: Ref<string>, checkError: Ref<unknown>, incomplete: string) {
  return computed(() => {
    if (!token.value) return incomplete
    const error = checkError.value
    if (!(error instanceof ApiRequestError) || error.status < 400 || error.status >= 500) return ''
    // A malformed token is refused by the shared schema, whose words are about the link.
    return error.fields?.token?.[0] ?? error.message
  })
}
