// Sign-in, sign-up and sign-out as mutations. The session itself lives in nuxt-auth-utils'
// useUserSession (a sealed cookie, read on the server and hydrated), refreshed after each.
import { useMutation, useQueryClient } from '@tanstack/vue-query'
import type { User } from '#auth-utils'
import type { SignInInput, SignUpInput } from '#shared/schemas/auth'
import type { TwoStepCodeInput } from '#shared/schemas/two-step'
import type { SignInResult } from '#shared/types/two-step'
import { useApi } from '../../api/api-client'

/** The password; with two-step verification on, no session yet (`twoStep`: the code form is next). */
export function useSignInMutation() {
  const api = useApi()
  const session = useUserSession()
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: SignInInput) => api<SignInResult>('/api/auth/sign-in', { method: 'POST', body: input }),
    onSuccess: async ({ twoStep }) => {
      if (twoStep) return
      client.clear() // nothing cached for a previous account may show to this one
      await session.fetch()
    },
  })
}

/** The second step: a code from the app, or a recovery code. */
export function useTwoStepSignInMutation() {
  const api = useApi()
  const session = useUserSession()
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: TwoStepCodeInput) => api<{ user: User }>('/api/auth/two-step', { method: 'POST', body: input }),
    onSuccess: async () => {
      client.clear()
      await session.fetch()
    },
  })
}

export function useSignUpMutation() {
  const api = useApi()
  const session = useUserSession()
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: SignUpInput) => api<{ user: User }>('/api/auth/sign-up', { method: 'POST', body: input }),
    onSuccess: async () => {
      client.clear()
      await session.fetch()
    },
  })
}

/** Marks the sign-out, so a pending one (waiting for the connection) can be told apart. */
export const SIGN_OUT_KEY = ['auth', 'sign-out'] as const

export function useSignOutMutation() {
  const api = useApi()
  const session = useUserSession()
  const client = useQueryClient()
  return useMutation({
    mutationKey: SIGN_OUT_KEY,
    // Written down before it is sent (pending-sign-out.ts): a closed tab still signs out later.
    meta: { survivesTab: true },
    mutationFn: () => api<{ signedOut: true }>('/api/auth/sign-out', { method: 'POST' }),
    // Signed out locally even when the server call fails (e.g. the session had already expired).
    onSettled: async () => {
      client.clear()
      await session.fetch()
    },
  })
}
