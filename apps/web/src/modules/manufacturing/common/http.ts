/** Manufacturing's API access: the shared client, and the query-key root of the area. */
export { enc, http } from '../../../api/http';

/** Every manufacturing query key starts here, so a change can refresh the whole area at once. */
export const MFG = 'mfg';
