// The studio is for instructors: others signed in get a 403 page, signed-out visitors sign in.
export default defineNuxtRouteMiddleware((to) => {
  const { loggedIn, user } = useUserSession()
  if (!loggedIn.value) return navigateTo({ path: '/sign-in', query: { next: to.fullPath } })
  if (user.value?.role !== 'INSTRUCTOR')
    return abortNavigation(createError({ statusCode: 403, statusMessage: 'The course studio is for instructors. Sign up as an instructor to create courses.' }))
})
