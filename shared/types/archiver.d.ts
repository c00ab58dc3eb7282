// archiver 8 ships no types (and @types/archiver describes the older, default-export API): the
// little of the zip class server/services/media/zip-media.ts uses. Here, not under server/, because
// the app's typecheck also reads server routes (through the typed $fetch routes) and needs it too.
declare module 'archiver' {
  import type { Readable, Transform } from 'node:stream'

  export interface ZipEntryData {
    name: string
    date?: Date
    /** Stored as is (already compressed media) instead of deflated. */
    store?: boolean
  }

  export class ZipArchive extends Transform {
    constructor(options?: { zlib?: { level?: number }, store?: boolean })
    append(source: Readable | Buffer | string, data: ZipEntryData): this
    finalize(): Promise<void>
    abort(): this
  }
}
