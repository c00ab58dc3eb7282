// The reader's locale, the same during server rendering and hydration: the server takes the first
// language the browser sends (Accept-Language), the client keeps that value, so a date printed on
// the server is printed the same by the first client render (no hydration mismatch).
import { localeFromAcceptLanguage } from '~/utils/dates'

export function useReaderLocale() {
  return useState<string>('reader-locale', () => (import.meta.server
    ? localeFromAcceptLanguage(useRequestHeaders(['accept-language'])['accept-language'])
    : navigator.language))
}
