// The conversation's forms. The composer: VeeValidate over the shared send schema (minus what the
// client adds: clientKey, course, and the files, which are server state: my unsent attachments).
// Its values are saved to local storage per conversation as they change, so a draft survives
// navigation and reload; they are form values, never Pinia state. "Jump to date": one day field,
// validated by the shared schema; the day the stream shows lives in the address (?day=), so a
// jump survives reload and Back, and the form only holds what is being typed.
import { useForm } from 'vee-validate'
import { toTypedSchema } from '@vee-validate/zod'
import { StorageSerializers, useLocalStorage } from '@vueuse/core'
import { JumpToDateInput, SendMessageFields } from '#shared/schemas/conversation'
import type { MessageAccess } from '#shared/schemas/conversation'
import { draftKey } from './conversation-drafts'

export const ComposerInput = SendMessageFields.pick({ type: true, body: true, targetDate: true, access: true })
export type ComposerValues = {
  type: 'DAILY_NOTE' | 'INSTRUCTOR_RESPONSE' | 'MILESTONE'
  body: string
  targetDate: string
  access?: MessageAccess
}

/** Today in this browser's time zone, YYYY-MM-DD (a daily note is about the writer's day). */
/**
 * The composer's own rule on top of the server's: the server accepts days up to today in the
 * earliest time zone (it cannot know the writer's), while the writer's form stops at the writer's
 * own today, the date field's max, which a typed date can pass.
 */
const ComposerSchema = ComposerInput.refine(values => values.targetDate <= localToday(), { path: ['targetDate'], message: 'A message can’t be about a day after today' })

export function localToday(now = new Date()): string {
  const offset = now.getTimezoneOffset() * 60_000
  return new Date(now.getTime() - offset).toISOString().slice(0, 10)
}

export function useComposerForm(conversationId: string, defaults: () => ComposerValues) {
  const form = useForm<ComposerValues>({ validationSchema: toTypedSchema(ComposerSchema), initialValues: defaults() })
  // Read after mount: the server renders the empty composer, so hydration matches. Another tab's
  // copy of the same draft is not followed: it would overwrite what is being typed here. Null
  // removes the entry; an entry that cannot be read (or written) is dropped.
  const draft = useLocalStorage<Partial<ComposerValues> | null>(draftKey(conversationId), null, {
    initOnMounted: true,
    listenToStorageChanges: false,
    serializer: StorageSerializers.object,
    onError: () => localStorage.removeItem(draftKey(conversationId)),
  })
  // After the draft's own mounted hook (registered above), so it has been read.
  onMounted(() => {
    const saved = draft.value
    if (saved && typeof saved.body === 'string') form.setValues({ ...defaults(), ...saved }, false)
    watch(() => ({ ...form.values }), (values) => {
      draft.value = values.body?.trim() ? values : null
    }, { deep: true })
  })
  /**
   * After a send: the draft is gone and the type stays as chosen, but the day goes back to today
   * and the audience to the pair only: a back-dated day or "also the observers" is chosen for one
   * message, never carried to the next one unseen.
   */
  function clearDraft() {
    draft.value = null
    form.resetForm({ values: { ...defaults(), type: form.values.type ?? defaults().type } })
  }
  return { form, clearDraft }
}

export function useJumpToDateForm(initial: () => string) {
  return useForm({ validationSchema: toTypedSchema(JumpToDateInput), initialValues: { day: initial() } })
}
