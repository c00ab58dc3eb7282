// The media insights range form: a preset, or a custom from/to, validated by the shared schema
// the routes use too. The applied range lives in the address (?preset=…&from=…&to=…), so it
// survives reload and can be shared; the form only holds what is being chosen.
import { useForm } from 'vee-validate'
import { toTypedSchema } from '@vee-validate/zod'
import { MediaInsightsRangeInput } from '#shared/schemas/media-insights'
import type { InsightRangePreset } from '#shared/schemas/media-insights'

export interface MediaInsightsRangeValues {
  preset: InsightRangePreset
  from: string
  to: string
}

export function useMediaInsightsRangeForm(initial: () => MediaInsightsRangeValues) {
  return useForm({ validationSchema: toTypedSchema(MediaInsightsRangeInput), initialValues: initial() })
}
