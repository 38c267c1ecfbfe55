/**
 * The fixed meanings a person can give an electronic signature (21 CFR 11.50(a)(3)).
 *
 * The ENGLISH text is what is sent to the server and stored: the stored meaning is part of the signed
 * record, so it must read the same whatever language the signer's screen was in. The UI only shows a
 * translation of it (i18n key `signatures.meanings.<id>`); never send the translated label.
 */
export const SIGNATURE_MEANINGS = {
  collectedAndLabelled: 'Collected and labelled',
  labelVerified: 'Label verified against wristband',
  reviewed: 'Reviewed',
  practicalAssessed: 'Practical assessment performed and result confirmed',
  performed: 'Performed',
  witnessed: 'Witnessed',
  lotReleased: 'Released for GMP use: CoA reviewed, identity confirmed',
  lotRejected: 'Rejected at incoming inspection',
  processApproved: 'Approved for GMP use',
} as const;

export type SignatureMeaningId = keyof typeof SIGNATURE_MEANINGS;

/** The meanings a collection record can be signed with: the collecting nurse, the wristband check, review. */
export const COLLECTION_SIGNATURE_MEANINGS: readonly SignatureMeaningId[] = [
  'collectedAndLabelled',
  'labelVerified',
  'reviewed',
];

/** The meanings a trainer signs a practical assessment (gowning, aseptic process simulation) with. */
export const PRACTICAL_ASSESSMENT_MEANINGS: readonly SignatureMeaningId[] = ['practicalAssessed'];

/** The meaning an operator signs a batch record step with (the witness's signature is "Witnessed"). */
export const BATCH_STEP_MEANINGS: readonly SignatureMeaningId[] = ['performed'];
/** The meanings of QA's disposition of a material lot, one per decision. */
export const LOT_RELEASE_MEANINGS: readonly SignatureMeaningId[] = ['lotReleased'];
export const LOT_REJECT_MEANINGS: readonly SignatureMeaningId[] = ['lotRejected'];
/** The meaning QA signs the approval of a master batch record version with. */
export const PROCESS_APPROVAL_MEANINGS: readonly SignatureMeaningId[] = ['processApproved'];

/** Meanings whose translation lives with their module rather than under `signatures.meanings`. */
const LABEL_KEYS: Partial<Record<SignatureMeaningId, string>> = {
  practicalAssessed: 'training.signatureMeanings.practicalAssessed',
  performed: 'mfg.signatureMeanings.performed',
  witnessed: 'mfg.signatureMeanings.witnessed',
  lotReleased: 'mfg.signatureMeanings.lotReleased',
  lotRejected: 'mfg.signatureMeanings.lotRejected',
  processApproved: 'mfg.signatureMeanings.processApproved',
};

/** The i18n key of a meaning's label in the reader's language. */
export function meaningLabelKey(id: SignatureMeaningId): string {
  return LABEL_KEYS[id] ?? `signatures.meanings.${id}`;
}

/** The id of a stored (English) meaning, or undefined for a meaning this app does not know. */
export function signatureMeaningId(meaning: string): SignatureMeaningId | undefined {
  return (Object.keys(SIGNATURE_MEANINGS) as SignatureMeaningId[]).find((id) => SIGNATURE_MEANINGS[id] === meaning);
}
