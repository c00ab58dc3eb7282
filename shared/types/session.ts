/** One signed-in device in the account page's list. */
export interface SessionRow {
  id: string
  /** "Chrome on Android" */
  deviceLabel: string
  signedInAt: string
  lastUsedAt: string
  /** The session of the browser asking. */
  current: boolean
}
