/** Training: the academy's vocabularies, and validity and expiry arithmetic of qualifications. */
export * from './enums';
export * from './validity';
