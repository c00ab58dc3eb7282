// Every page of the app, as every role that can see it, on two phones and a desktop: the page is
// never wider than the window, the main navigation and Sign out can be reached (on phones through
// the Menu button), and axe finds no serious or critical accessibility problem (with WCAG 2.2's
// target size). The page list is derived from pages/, so a new page without an entry here fails
// the test.
import { readdirSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { expectConsoleError, newPage, visit } from '../support/browser'
import { pageTreeWorld } from '../support/page-tree-fixtures'
import type { PageTreeWorld } from '../support/page-tree-fixtures'
import { refreshInsights } from '../support/insights'

type Role = 'visitor' | 'student' | 'instructor' | 'observer'
interface Entry {
  /** Who can see the page (others are sent to sign in, or get a 403). */
  roles: Role[]
  /** The address to visit, with real ids from the fixtures. */
  path: (world: PageTreeWorld) => string
  /** Text the page shows once its data is in, when it loads some after hydrating. */
  ready?: (world: PageTreeWorld, role: Role) => string
  /** Something to open after loading, so a panel or drawer is checked too. */
  open?: (page: Page) => Promise<void>
  /** What Nuxt logs in the console when it renders this page on purpose (an error page). */
  consoleError?: RegExp
}

const everyone: Role[] = ['visitor', 'student', 'instructor', 'observer']
const signedIn: Role[] = ['student', 'instructor', 'observer']
const instructor: Role[] = ['instructor']

/** One entry per file under pages/, keyed by its route pattern. */
const pages: Record<string, Entry> = {
  '/': { roles: everyone, path: () => '/' },
  '/sign-in': { roles: ['visitor'], path: () => '/sign-in' },
  '/sign-in/two-step': { roles: ['visitor'], path: () => '/sign-in/two-step' },
  '/sign-up': { roles: ['visitor'], path: () => '/sign-up' },
  '/forgot-password': { roles: ['visitor'], path: () => '/forgot-password' },
  // Without a mail's token: the page's refusal (the full flows: tests/e2e/password-reset, invitations).
  '/reset-password': { roles: ['visitor'], path: () => '/reset-password', ready: () => 'This link is incomplete' },
  '/invitation': { roles: ['visitor'], path: () => '/invitation', ready: () => 'This link is incomplete' },
  // Searched for: other test files publish courses at the same time, so page one may not hold it.
  '/courses': { roles: everyone, path: w => `/courses?q=${encodeURIComponent(w.course.title.slice(0, 40))}`, ready: w => w.course.title },
  '/courses/[slug]': { roles: everyone, path: w => `/courses/${w.course.slug}`, ready: w => w.lesson.title },
  '/learn': { roles: signedIn, path: () => '/learn' },
  '/account': { roles: signedIn, path: () => '/account', ready: () => 'This device' },
  '/learn/[slug]': { roles: ['student'], path: w => `/learn/${w.course.slug}`, ready: w => w.lesson.title, open: page => page.getByRole('button', { name: 'Chapters' }).click() },
  '/messages': { roles: signedIn, path: () => '/messages', ready: (_, role) => role === 'student' ? 'Iris Longname-Instructor' : 'Sol Student' },
  '/messages/[id]': { roles: signedIn, path: w => `/messages/${w.conversationId}` },
  '/studio': { roles: instructor, path: () => '/studio', ready: w => w.course.title },
  '/studio/courses/[id]': { roles: instructor, path: w => `/studio/courses/${w.course.id}`, ready: w => w.lesson.title },
  '/studio/courses/[id]/files': { roles: instructor, path: w => `/studio/courses/${w.course.id}/files`, ready: () => 'palette' },
  '/studio/courses/[id]/students': { roles: instructor, path: w => `/studio/courses/${w.course.id}/students`, ready: () => 'Sol Student' },
  '/studio/trash': { roles: instructor, path: () => '/studio/trash', ready: () => 'An abandoned draft' },
  '/studio/insights/conversations': { roles: instructor, path: () => '/studio/insights/conversations', ready: () => 'Sol Student' },
  '/studio/media': {
    roles: instructor,
    path: () => '/studio/media',
    ready: () => 'Colour wheel handout',
    // The file panel, open on the file with the long name.
    open: async (page) => {
      await page.getByTestId('media-item').filter({ hasText: 'palette' }).first().click()
      await page.getByTestId('media-panel').waitFor()
    },
  },
  '/studio/media/insights': { roles: instructor, path: () => '/studio/media/insights' },
  '/studio/media/trash': { roles: instructor, path: () => '/studio/media/trash', ready: () => 'Old sketch' },
}

/** Pages that are not files: the error page, as a missing page and as the studio refused. */
const errorPages: Record<string, Entry> = {
  'not found': { roles: ['visitor', 'student'], path: () => '/no-such-page-here' },
  'studio refused': { roles: ['student'], path: () => '/studio', consoleError: /NUXT_E1005/ },
}

const pagesDir = resolve(import.meta.dirname, '../../pages')
function pageFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry =>
    entry.isDirectory() ? pageFiles(join(dir, entry.name)) : entry.name.endsWith('.vue') ? [join(dir, entry.name)] : [])
}
const routePattern = (file: string) => `/${relative(pagesDir, file).replace(/\.vue$/, '').replace(/(^|\/)index$/, '')}`.replace(/\/$/, '') || '/'

/**
 * Each page is loaded once, at the first size, then the window is resized: the layout follows the
 * width (CSS and the header's matchMedia), and a load per size tripled the test's time.
 */
const viewports = [
  { name: 'phone 375', width: 375, height: 812, axe: true },
  { name: 'phone 360', width: 360, height: 740, axe: false },
  { name: 'desktop 1440', width: 1440, height: 900, axe: true },
]

/** Why the page is wider than the window: the widest elements that stick out on the right. */
const overflowing = (page: Page, width: number) => page.evaluate(limit => [...document.querySelectorAll('body *')]
  .filter(el => el.getBoundingClientRect().right > limit + 1)
  .slice(0, 3)
  .map(el => `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''} (right edge ${Math.round(el.getBoundingClientRect().right)})`), width)

/** The main navigation and the account controls, open through the Menu button where there is one. */
async function checkNavigation(page: Page, role: Role, width: number): Promise<string[]> {
  const problems: string[] = []
  const menu = page.getByRole('button', { name: 'Menu' })
  const collapsed = await menu.isVisible()
  if (collapsed) {
    expect(await menu.getAttribute('aria-expanded')).toBe('false')
    await menu.click()
    expect(await menu.getAttribute('aria-expanded')).toBe('true')
    if (process.env.LECTERN_TEST_SCREENSHOTS)
      await page.screenshot({ path: join(process.env.LECTERN_TEST_SCREENSHOTS, `${width}-${role}-menu-open.png`) })
  }
  const reachable = [
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Courses' }),
    role === 'visitor' ? page.getByRole('banner').getByRole('link', { name: 'Sign in' }) : page.getByRole('button', { name: 'Sign out', exact: true }),
  ]
  if (role !== 'visitor') reachable.push(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Messages' }))
  for (const control of reachable) {
    const box = await control.isVisible() ? await control.boundingBox() : null
    if (!box || box.x < 0 || box.x + box.width > width + 1) problems.push(`${control} cannot be reached`)
  }
  if (collapsed) {
    await page.keyboard.press('Escape')
    expect(await menu.getAttribute('aria-expanded')).toBe('false')
    expect(await menu.evaluate(button => document.activeElement === button)).toBe(true)
  }
  return problems
}

async function seriousViolations(page: Page): Promise<string[]> {
  // WCAG 2.2's minimum target size (24 px, or that much space around it) is off in axe by default.
  const { violations } = await new AxeBuilder({ page }).options({ rules: { 'target-size': { enabled: true } } }).analyze()
  return violations
    .filter(violation => violation.impact === 'serious' || violation.impact === 'critical')
    .map(violation => `${violation.id}: ${violation.nodes.slice(0, 3).map(node => node.target.join(' ')).join(' | ')}`)
}

describe('every page, as every role, on phones and desktop', () => {
  let world: PageTreeWorld
  beforeAll(async () => {
    world = await pageTreeWorld()
    await refreshInsights()
  }, 120_000)

  it('has an entry for every file under pages/ and no entry without a file', () => {
    expect(pageFiles(pagesDir).map(routePattern).sort()).toEqual(Object.keys(pages).sort())
  })

  // One tab per role, reused from page to page.
  const tabs = new Map<Role, Promise<Page>>()
  function tab(role: Role): Promise<Page> {
    const session = { visitor: undefined, student: world.student, instructor: world.instructor, observer: world.observer ?? undefined }[role]
    if (!tabs.has(role)) tabs.set(role, newPage(session, { viewport: viewports[0]! }))
    return tabs.get(role)!
  }

  for (const role of everyone) {
    const entries = [...Object.entries(pages), ...Object.entries(errorPages)].filter(([, entry]) => entry.roles.includes(role))
    for (const [name, entry] of entries) {
      it(`${name} as ${role} fits ${viewports.map(v => v.width).join(', ')} px, with the navigation reachable and no serious axe violation`, async () => {
        // The observer role needs an observer account, which needs PostgreSQL (page-tree-fixtures).
        if (role === 'observer' && !world.observer) return
        const page = await tab(role)
        await page.setViewportSize(viewports[0]!)
        if (entry.consoleError) expectConsoleError(entry.consoleError)
        await visit(page, entry.path(world))
        const ready = entry.ready?.(world, role)
        if (ready) await page.locator('#main').getByText(ready, { exact: false }).first().waitFor()
        await entry.open?.(page)
        const problems: string[] = []
        for (const viewport of viewports) {
          await page.setViewportSize(viewport)
          const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }))
          if (scrollWidth > Math.min(innerWidth, viewport.width))
            problems.push(`${viewport.name}: ${scrollWidth} px wide in a ${viewport.width} px window: ${(await overflowing(page, viewport.width)).join(', ')}`)
          if (process.env.LECTERN_TEST_SCREENSHOTS)
            await page.screenshot({ path: join(process.env.LECTERN_TEST_SCREENSHOTS, `${viewport.width}-${role}-${name.replaceAll('/', '_') || 'home'}.png`), fullPage: true })
          problems.push(...(await checkNavigation(page, role, viewport.width)).map(problem => `${viewport.name}: ${problem}`))
          if (viewport.axe) problems.push(...(await seriousViolations(page)).map(problem => `${viewport.name}: ${problem}`))
        }
        expect(problems).toEqual([])
      }, 90_000)
    }
  }
})
