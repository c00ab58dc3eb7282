// Query keys for the signed-in user's own account (the account page).
export const accountKeys = {
  all: ['account'] as const,
  detail: () => [...accountKeys.all, 'detail'] as const,
  twoStep: () => [...accountKeys.all, 'two-step'] as const,
}
