/** Clinical rules: liver scores, units, adverse-event grading, response, eligibility, visits, reporting clocks. */
export {};
export * from './sae-clocks';
export * from './eligibility';
export * from './randomization';
export * from './units';
export * from './scores';
export * from './ctcae';
export * from './astct';
export * from './mrecist';
export * from './visits';
