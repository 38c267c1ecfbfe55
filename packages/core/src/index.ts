/**
 * @hepatica/core — pure domain logic shared by the server and the web app. No I/O.
 */

export * from './chain/enums';
export * from './isbt128/index';
export * from './roles';
export * from './training/index';
