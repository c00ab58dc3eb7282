// Asks before leaving a page with unsaved work: in-app navigation (router guard) and closing or
// reloading the tab (beforeunload, where browsers show their own wording).
export function useLeaveGuard(hasUnsavedWork: () => boolean, message = 'You have unsaved changes. Leave without saving?') {
  onBeforeRouteLeave(() => {
    if (hasUnsavedWork() && !window.confirm(message)) return false
  })
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (!hasUnsavedWork()) return
    event.preventDefault()
    event.returnValue = ''
  }
  useEventListener('beforeunload', onBeforeUnload)
}
