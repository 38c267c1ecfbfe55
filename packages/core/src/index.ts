/**
 * @hepatica/core — pure domain logic shared by the server and the web app. No I/O.
 */

export * from './chain/enums';
export * from './isbt128/index';
export * from './quality/index';
export * from './quality/due';
export * from './roles';
export * from './shipping/index';
export * from './training/index';
export * from './release/index';
export * from './clinical/index';
