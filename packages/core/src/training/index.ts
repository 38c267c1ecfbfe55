/** Training: validity and expiry arithmetic of qualifications. */
export * from './validity';
