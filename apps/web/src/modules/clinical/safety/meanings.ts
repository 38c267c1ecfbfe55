/** The meaning the investigator signs an SAE report with (the English text is what is stored). */
import type { SignatureMeaningId } from '../../../components/signatureMeanings';

export const SAE_REPORT_MEANINGS: readonly SignatureMeaningId[] = ['saeReported'];

/** The meaning the investigator signs the assessment of an adverse event with. */
export const AE_ASSESSMENT_MEANINGS: readonly SignatureMeaningId[] = ['aeAssessed'];
