/** Shipping to the bedside: storage ranges per product, data-logger readings and excursions, the wristband. */
export * from './excursion';
export * from './logger';
export * from './storage';
export * from './wristband';
export * from './vein-to-vein';
