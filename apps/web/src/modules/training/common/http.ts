/** The training academy uses the shared API client. */
export { enc, http } from '../../../api/http';
