/** Quality control: conformity of results to specifications. */
export * from './conformity';
