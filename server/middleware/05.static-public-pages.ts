// Anonymous visitors to the public pages (the home page, the catalog, a course page, sign-in and
// its two-step code form) get the server-rendered HTML and CSS without the application's
// JavaScript: everything these
// pages offer a visitor works as plain HTML (links, the catalog's GET form, a link to a preview's
// video, the sign-in form posted to /api/auth/sign-in and answered with a redirect), and
// a phone on a slow link paints at once instead of downloading and hydrating the app first
// (docs/architecture.md, "Public pages without JavaScript"). A visitor with a session cookie gets
// the whole app, which their pages need (enrolment, live status).
import { getRouteRules } from 'nitropack/runtime'

const PUBLIC_PAGE = /^\/(?:courses(?:\/[^/]+)?|sign-in(?:\/two-step)?)?\/?$/

export default defineEventHandler((event) => {
  if (event.method !== 'GET' && event.method !== 'HEAD') return
  const path = event.path.split('?')[0]!
  if (!PUBLIC_PAGE.test(path) || hasSessionCookie(getRequestHeader(event, 'cookie'))) return
  event.context._nitro = event.context._nitro ?? {}
  event.context._nitro.routeRules = { ...getRouteRules(event), noScripts: true }
  event.context.staticPage = true
})
