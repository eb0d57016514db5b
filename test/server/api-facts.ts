/** The upload API's facts the server tests need, from the generator's one home for CleverTap's facts. */
import {
  API_UPLOAD_PATH,
  EMAIL_PATTERN,
  LIMITS,
  RESERVED_PREFIX,
  RESTRICTED_EVENTS,
} from '../../generator/clevertap/facts.js';

export const API = {
  maxRecordsPerRequest: LIMITS.apiRecordsPerRequest,
  maxConcurrentRequests: LIMITS.apiConcurrentRequests,
  uploadPath: API_UPLOAD_PATH,
};

export { EMAIL_PATTERN, RESERVED_PREFIX, RESTRICTED_EVENTS };
