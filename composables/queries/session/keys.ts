// Query keys for the signed-in user's sessions (the account page's device list).
export const sessionKeys = {
  all: ['sessions'] as const,
  list: () => [...sessionKeys.all, 'list'] as const,
}
