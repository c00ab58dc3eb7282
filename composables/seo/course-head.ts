// What a course page tells search engines and link previews: its canonical address (the same
// page is reachable with tracking or filter parameters), Open Graph and Twitter cards (the cover
// as image; without one, a text card), and the fields of its schema.org Course (JSON-LD, through
// nuxt-schema-org's SchemaOrgCourse).
// The site's address is NUXT_PUBLIC_SITE_URL, else the request's origin (nuxt-site-config).
import type { ComputedRef } from 'vue'
import { COURSE_LEVEL_LABELS } from '#shared/schemas/course'
import type { CourseOverview } from '#shared/types/catalog'

export function useCourseHead(course: ComputedRef<CourseOverview['course'] | undefined>, notFound: ComputedRef<boolean>) {
  const site = useSiteConfig()
  const url = computed(() => (course.value ? `${site.url.replace(/\/$/, '')}/courses/${course.value.slug}` : undefined))
  const title = computed(() => course.value?.title ?? (notFound.value ? 'Course not found' : 'Course'))
  const summary = computed(() => course.value?.summary ?? '')
  const image = computed(() => course.value?.coverImageUrl ?? undefined)

  useSeoMeta({
    title,
    description: summary,
    ogTitle: () => (course.value ? `${course.value.title} · Lectern` : 'Lectern'),
    ogDescription: summary,
    ogType: 'website',
    ogSiteName: 'Lectern',
    ogUrl: url,
    ogImage: image,
    ogImageAlt: () => (image.value ? `Cover of ${course.value?.title}` : undefined),
    twitterCard: () => (image.value ? 'summary_large_image' : 'summary'),
    twitterTitle: () => course.value?.title,
    twitterDescription: summary,
    twitterImage: image,
    // A course that is not there (or not yet published) stays out of search results.
    robots: () => (course.value?.status === 'PUBLISHED' ? undefined : 'noindex'),
  })
  useHead({ link: () => (url.value ? [{ rel: 'canonical', href: url.value }] : []) })

  // Rendered by the page as <SchemaOrgCourse v-bind> only once the course is there: a page
  // without a course gets no Course node (nuxt-schema-org resolves the graph while rendering).
  return computed(() => (course.value
    ? {
        '@id': `${url.value}#course`,
        'name': course.value.title,
        'description': course.value.summary || course.value.description.slice(0, 300) || course.value.title,
        'url': url.value,
        'image': image.value,
        'inLanguage': course.value.language,
        'educationalLevel': COURSE_LEVEL_LABELS[course.value.level],
        'provider': { '@type': 'Organization', 'name': 'Lectern', 'sameAs': site.url },
        'author': { '@type': 'Person', 'name': course.value.instructorName },
        'offers': {
          '@type': 'Offer',
          'category': course.value.priceCents === null ? 'Free' : 'Paid',
          'price': ((course.value.priceCents ?? 0) / 100).toFixed(2),
          'priceCurrency': course.value.currency,
        },
      }
    : null))
}
