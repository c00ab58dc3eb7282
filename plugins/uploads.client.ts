// One upload manager per tab, wired to the observer (progress → cache) and the upload UI store.
// `localStorage['lectern:upload-chunk-bytes']` sets a smaller chunk size (tests use it to watch
// progress on small files).
import { toast } from 'vue-sonner'
import type { RealtimeApi } from '~/composables/realtime/realtime-api'
import { UploadManager } from '~/composables/uploads/upload-manager'
import { useUploadUiStore } from '~/stores/upload-ui'

export default defineNuxtPlugin({
  name: 'uploads',
  dependsOn: ['realtime'],
  setup(nuxtApp): { provide: { uploads: UploadManager } } {
    const { observer, status } = nuxtApp.$realtime as RealtimeApi
    // Read once at start (a test's switch, set before the page loads): not state to follow.
    const chunk = Number(localStorage.getItem('lectern:upload-chunk-bytes')) || undefined
    const manager = new UploadManager({
      observer,
      store: useUploadUiStore(nuxtApp.$pinia as never),
      socketLive: () => status.value === 'open',
      chunkSize: chunk,
      onRefused: message => toast.error(message),
    })
    return { provide: { uploads: manager } }
  },
})
