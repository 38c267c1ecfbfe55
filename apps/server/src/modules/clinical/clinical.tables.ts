/** Every table of the clinical area (one line per module folder), exported into the Drizzle schema. */
export * from './protocols/protocols.tables';
export * from './subjects/subjects.tables';
export * from './safety/safety.tables';
export * from './response/response.tables';
export * from './consent/consent.tables';
export * from './visits/visits.tables';
export * from './labs/labs.tables';
