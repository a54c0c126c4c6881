/**
 * The one error type users see. Thrown anywhere, caught once in the CLI, printed
 * as one line on stderr; anything else is a bug and keeps its stack trace.
 */
export const ExitCode = {
  usage: 2,
  input: 3,
  parse: 4,
  browser: 5,
  layout: 6,
  output: 7,
} as const;

export type ErrorKind = keyof typeof ExitCode;

export class SpeechdeckError extends Error {
  readonly kind: ErrorKind;
  readonly file?: string;
  readonly hint?: string;

  constructor(kind: ErrorKind, message: string, opts: { file?: string; hint?: string } = {}) {
    super(message);
    this.name = 'SpeechdeckError';
    this.kind = kind;
    this.file = opts.file;
    this.hint = opts.hint;
  }

  get exitCode(): number {
    return ExitCode[this.kind];
  }

  /** `speechdeck: FILE: what failed. What to do.` */
  format(): string {
    const where = this.file ? `${this.file}: ` : '';
    const hint = this.hint ? ` ${this.hint}` : '';
    return `speechdeck: ${where}${this.message}${hint}`;
  }
}
