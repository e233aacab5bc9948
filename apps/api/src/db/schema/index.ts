export * from './directory.js';
export * from './accounts.js';
export * from './reference.js';
export * from './applications.js';
export * from './audit.js';
export * from './notifications.js';
