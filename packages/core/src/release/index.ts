/** Release of manufactured batches: what blocks a QP's decision. */
export * from './blockers';
