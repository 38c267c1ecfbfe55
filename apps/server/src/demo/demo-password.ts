/** Public demo password (meets the password policy). Never use the demo users for real work. */
export const DEMO_PASSWORD = 'Hepatica-Demo-2026';
