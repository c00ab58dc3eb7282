import type { User } from '#auth-utils'

/** Two-step verification on the account page. */
export interface TwoStepStatus {
  enabled: boolean
  enabledAt: string | null
  /** Unused recovery codes. */
  recoveryCodesLeft: number
}

/** What setting up shows: the secret for the authenticator app, as text and as an otpauth:// link (the QR code). */
export interface TwoStepSetup {
  secret: string
  uri: string
}

/** Recovery codes, shown once when made. */
export interface RecoveryCodes {
  codes: string[]
}

/** What signing in answers: the user, or (two-step verification on) that a code must follow. */
export type SignInResult = { user: User, twoStep: false } | { user: null, twoStep: true }
