// HIPAA keeps documentation six years: 2192 days.
export const retentionDays: number = 6 * 365 + 2;
