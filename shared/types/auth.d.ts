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
}

export {}
