// Presence: what a person's open tabs add up to. Online while any tab is connected and visible,
// away while every connected tab is hidden, offline when none is connected.
export const PRESENCE_STATUSES = ['online', 'away', 'offline'] as const
export type PresenceStatus = typeof PRESENCE_STATUSES[number]

/** What one tab reports about itself (document.visibilityState, reduced to the two that matter). */
export const TAB_VISIBILITIES = ['visible', 'hidden'] as const
export type TabVisibility = typeof TAB_VISIBILITIES[number]

/** Presence of the people who share a conversation with the caller, by user id. */
export type PresenceMap = Record<string, PresenceStatus>
