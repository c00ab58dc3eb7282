import { z } from 'zod'

/** An upload's id in an internal worker endpoint's path: 32 hex characters (server/storage/keys.ts). */
export const UploadIdParams = z.object({ uploadId: z.string().regex(/^[a-f0-9]{32}$/, 'Not an upload id') })
