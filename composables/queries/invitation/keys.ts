// Query keys for the invited person's side: whether an invitation link (its token) still works.
export const invitationKeys = {
  all: ['invitation'] as const,
  check: (token: string) => [...invitationKeys.all, 'check', token] as const,
}
