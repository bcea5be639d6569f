import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. Logs carry ids only: names, ID numbers, passwords, tokens and clinical text
 * are redacted here as a second line of defence.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'cloudclinic' },
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        '*.password',
        '*.refreshToken',
        '*.accessToken',
        '*.residentId',
        '*.patientName',
        '*.displayName',
      ],
      censor: '[redacted]',
    },
  });
}
