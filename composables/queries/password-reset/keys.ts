// Query keys for password reset: whether a reset link (its token) still works.
export const passwordResetKeys = {
  all: ['password-reset'] as const,
  check: (token: string) => [...passwordResetKeys.all, 'check', token] as const,
}
