// Query key for presence: one map of everyone the user shares a conversation with (the server
// decides who that is), kept live by presence-changed events.
export const presenceKeys = {
  all: ['presence'] as const,
}
