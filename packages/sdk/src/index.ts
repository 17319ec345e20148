export * from './schemas.js';
export * from './limits.js';
export { isUsableEmail, normalizeEmail, maskEmail } from './email.js';
