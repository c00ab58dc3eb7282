import type { UploadManager } from './upload-manager'

/** The tab's upload manager (client only; undefined during server rendering). */
export function useUploads(): UploadManager | undefined {
  return import.meta.client ? (useNuxtApp().$uploads as UploadManager) : undefined
}
