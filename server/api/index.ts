// The bare /api and /api/ addresses: the catch-all beside this file does not match an empty rest
// (h3's `**` needs one segment), so without this they got Nuxt's page-not-found JSON instead of
// the envelope every API answer has.
export { default } from './[...]'
