// What the sealed session cookie carries (nuxt-auth-utils). Kept small: ids and display data.
declare module '#auth-utils' {
  interface User {
    id: string
    email: string
    name: string
    role: 'INSTRUCTOR' | 'STUDENT' | 'OBSERVER'
  }
  interface UserSession {
    loggedInAt: number
  }
  // Never sent to the browser (nuxt-auth-utils leaves `secure` out of /api/_auth/session).
  interface SecureSessionData {
    /** The Session row this cookie stands for: the cookie works only while the row does. */
    sessionId: string
  }
}

export {}
