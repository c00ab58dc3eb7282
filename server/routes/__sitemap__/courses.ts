// The sitemap module's source of course pages (nuxt.config.ts `sitemap.sources`): it asks this
// route while building sitemap.xml at request time, so a course appears there once published.
import { listSitemapCourses } from '../../services/catalog/list-sitemap-courses'

export default defineSitemapEventHandler(async () => {
  const courses = await listSitemapCourses()
  return courses.map(course => ({
    loc: `/courses/${course.slug}`,
    lastmod: course.updatedAt.toISOString(),
    ...(course.coverImageUrl ? { images: [{ loc: course.coverImageUrl, title: course.title }] } : {}),
  }))
})
