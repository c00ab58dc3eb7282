// Keeps an upload under way for as long as a browser test needs: each upload's first PATCH goes
// through (so it exists and shows progress), every later one waits until the test releases them.
import type { Page, Route } from 'playwright-core'

export async function holdLaterChunks(page: Page): Promise<() => void> {
  let release!: () => void
  const released = new Promise<void>((resolve) => {
    release = resolve
  })
  const seen = new Set<string>()
  await page.route('**/api/uploads/*', async (route: Route) => {
    const url = route.request().url()
    if (route.request().method() === 'PATCH') {
      if (seen.has(url)) await released
      seen.add(url)
    }
    await route.continue()
  })
  return release
}
