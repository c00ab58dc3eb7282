// UI state of a course's Files tab: the place whose "add from library" dialog is open. Ids
// only; the files come from Vue Query and the picker's choice from its VeeValidate form.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { MediaLinkTargetType } from '#shared/types/media'

export interface FilePlace { targetType: MediaLinkTargetType, targetId: string }

export const useCourseFilesUiStore = defineStore('course-files-ui', () => {
  const adding = ref<FilePlace | null>(null)

  function askToAdd(place: FilePlace) {
    adding.value = { ...place }
  }
  function close() {
    adding.value = null
  }
  function $reset() {
    adding.value = null
  }
  return { adding, askToAdd, close, $reset }
})
