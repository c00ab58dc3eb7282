import { homeFor } from '#shared/auth/landing'

// Sign-in and sign-up pages: already signed in means there is nothing to do here.
export default defineNuxtRouteMiddleware(() => {
  const { loggedIn, user } = useUserSession()
  if (loggedIn.value) return navigateTo(homeFor(user.value?.role))
})
