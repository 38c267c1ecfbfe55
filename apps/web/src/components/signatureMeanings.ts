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
  batchAborted: 'Batch aborted',
  specificationApproved: 'Approved for release testing',
  oosPhase1: 'Phase I laboratory investigation concluded',
  oosPhase2: 'Phase II investigation concluded',
  // Review and release (modules/release): the server's default meanings, so either way they read the same.
  batchReviewed: 'Reviewed batch record',
  releaseCertified: 'Certified for release',
  conditionalReleaseCertified: 'Certified for conditional release',
  batchRejected: 'Rejected',
  coaAmended: 'Amended certificate of analysis',
  lateResultAcknowledged: 'Acknowledged late result',
  // Quality events (modules/quality): deviations, CAPA, change control.
  deviationClassified: 'Deviation classified',
  deviationClosed: 'Deviation closed: investigation complete',
  // The server's default meanings of a cancellation and a withdrawal, so either way they read the same.
  deviationCancelled: 'Deviation cancelled: opened in error',
  capaActionCompleted: 'CAPA action completed',
  capaEffective: 'Effectiveness verified',
  capaNotEffective: 'Not effective: further action required',
  changeApproved: 'Change approved',
  changeImplemented: 'Change implemented',
  changeClosed: 'Change closed: effectiveness verified',
  changeWithdrawn: 'Change withdrawn',
  // The bedside (modules/shipments): the meanings the server signs the two verifiers and the infusion with.
  bedsideVerified: 'Verified at the bedside',
  bedsideSecondVerifier: 'Second verifier at the bedside',
  infusionAdministered: 'Administered',
  saeReported: 'Reported the serious adverse event', // clinical SAE clocks (modules/clinical/safety)
  aeAssessed: 'Assessed seriousness, relatedness and expectedness', // clinical adverse events (investigator)
  protocolApproved: 'Approved the protocol version', // clinical study set-up (investigator)
  eligibilityWaived: 'Granted the eligibility waiver', // clinical screening (investigator)
  consentDocumentApproved: 'Ethics committee approval recorded', // clinical consent documents
  consentRecorded: 'Consent recorded', // clinical informed consent
  consentWithdrawn: 'Withdrawal of consent recorded', // clinical informed consent
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
/** The meaning QA signs the abort of a batch with (the server accepts no other). */
export const BATCH_ABORT_MEANINGS: readonly SignatureMeaningId[] = ['batchAborted'];

/** QC: the analyst signs a result as performed, the second analyst as reviewed; QA approves specifications. */
export const QC_RESULT_MEANINGS: readonly SignatureMeaningId[] = ['performed'];
export const QC_REVIEW_MEANINGS: readonly SignatureMeaningId[] = ['reviewed'];
export const SPECIFICATION_APPROVAL_MEANINGS: readonly SignatureMeaningId[] = ['specificationApproved'];
export const OOS_PHASE1_MEANINGS: readonly SignatureMeaningId[] = ['oosPhase1'];
export const OOS_PHASE2_MEANINGS: readonly SignatureMeaningId[] = ['oosPhase2'];

/** QA signs the batch record review; the QP signs one meaning per decision; amendments and acknowledgements. */
export const BATCH_REVIEW_MEANINGS: readonly SignatureMeaningId[] = ['batchReviewed'];
export const RELEASE_DECISION_MEANINGS = {
  release: ['releaseCertified'],
  conditional_release: ['conditionalReleaseCertified'],
  reject: ['batchRejected'],
} as const satisfies Record<string, readonly SignatureMeaningId[]>;
export const COA_AMENDMENT_MEANINGS: readonly SignatureMeaningId[] = ['coaAmended'];
export const LATE_RESULT_ACK_MEANINGS: readonly SignatureMeaningId[] = ['lateResultAcknowledged'];

/** Quality events: QA classifies and closes deviations, owners complete CAPA actions, QA checks effectiveness. */
export const DEVIATION_CLASSIFY_MEANINGS: readonly SignatureMeaningId[] = ['deviationClassified'];
export const DEVIATION_CLOSE_MEANINGS: readonly SignatureMeaningId[] = ['deviationClosed'];
export const DEVIATION_CANCEL_MEANINGS: readonly SignatureMeaningId[] = ['deviationCancelled'];
export const CAPA_ACTION_MEANINGS: readonly SignatureMeaningId[] = ['capaActionCompleted'];
export const CAPA_CHECK_MEANINGS = {
  effective: ['capaEffective'],
  not_effective: ['capaNotEffective'],
} as const satisfies Record<string, readonly SignatureMeaningId[]>;
export const CHANGE_MEANINGS = {
  approve: ['changeApproved'],
  implement: ['changeImplemented'],
  close: ['changeClosed'],
  withdraw: ['changeWithdrawn'],
} as const satisfies Record<string, readonly SignatureMeaningId[]>;

/** Meanings whose translation lives with their module rather than under `signatures.meanings`. */
const LABEL_KEYS: Partial<Record<SignatureMeaningId, string>> = {
  batchReviewed: 'release.signatureMeanings.batchReviewed',
  releaseCertified: 'release.signatureMeanings.releaseCertified',
  conditionalReleaseCertified: 'release.signatureMeanings.conditionalReleaseCertified',
  batchRejected: 'release.signatureMeanings.batchRejected',
  coaAmended: 'release.signatureMeanings.coaAmended',
  lateResultAcknowledged: 'release.signatureMeanings.lateResultAcknowledged',
  practicalAssessed: 'training.signatureMeanings.practicalAssessed',
  performed: 'mfg.signatureMeanings.performed',
  witnessed: 'mfg.signatureMeanings.witnessed',
  lotReleased: 'mfg.signatureMeanings.lotReleased',
  lotRejected: 'mfg.signatureMeanings.lotRejected',
  processApproved: 'mfg.signatureMeanings.processApproved',
  batchAborted: 'batchAbort.meaning',
  specificationApproved: 'qc.signatureMeanings.specificationApproved',
  oosPhase1: 'qc.signatureMeanings.oosPhase1',
  oosPhase2: 'qc.signatureMeanings.oosPhase2',
  deviationClassified: 'quality.signatureMeanings.deviationClassified',
  deviationClosed: 'quality.signatureMeanings.deviationClosed',
  deviationCancelled: 'quality.signatureMeanings.deviationCancelled',
  capaActionCompleted: 'quality.signatureMeanings.capaActionCompleted',
  capaEffective: 'quality.signatureMeanings.capaEffective',
  capaNotEffective: 'quality.signatureMeanings.capaNotEffective',
  changeApproved: 'quality.signatureMeanings.changeApproved',
  changeImplemented: 'quality.signatureMeanings.changeImplemented',
  changeClosed: 'quality.signatureMeanings.changeClosed',
  changeWithdrawn: 'quality.signatureMeanings.changeWithdrawn',
};

/** The i18n key of a meaning's label in the reader's language. */
export function meaningLabelKey(id: SignatureMeaningId): string {
  return LABEL_KEYS[id] ?? `signatures.meanings.${id}`;
}

/** The id of a stored (English) meaning, or undefined for a meaning this app does not know. */
export function signatureMeaningId(meaning: string): SignatureMeaningId | undefined {
  return (Object.keys(SIGNATURE_MEANINGS) as SignatureMeaningId[]).find((id) => SIGNATURE_MEANINGS[id] === meaning);
}
