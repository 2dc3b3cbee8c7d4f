import { data } from '@remix-run/node';
import { ZodError } from 'zod';
import { AppError, isAppError } from '../errors';

export interface FormFailure {
  ok: false;
  formError: string;
  fieldErrors: Record<string, string[]>;
}

/** Zod failures become AppError('VALIDATION') with field messages in French. */
export function fromZodError(error: ZodError, message = 'Le formulaire contient des erreurs.'): AppError {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || 'form';
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return new AppError('VALIDATION', message, { fieldErrors });
}

function normalise(error: unknown): unknown {
  return error instanceof ZodError ? fromZodError(error) : error;
}

/** For loaders: an AppError becomes an HTTP error response the error boundary shows in French. */
export function throwAsResponse(error: unknown): never {
  const normalised = normalise(error);
  if (isAppError(normalised)) {
    throw data({ message: normalised.message }, { status: normalised.status });
  }
  throw normalised;
}

/**
 * For form actions: validation and business errors are returned to the form, never a 500. `echo` travels with the
 * failure: which of several forms was sent (so its errors show next to its own fields), or what was typed.
 */
export function formFailure<Echo extends Record<string, unknown> = Record<never, never>>(error: unknown, echo?: Echo) {
  const normalised = normalise(error);
  if (!isAppError(normalised) || normalised.code === 'CONFIG' || normalised.code === 'UNAVAILABLE') {
    throw normalised;
  }
  const failure: FormFailure = { ok: false, formError: normalised.message, fieldErrors: normalised.fieldErrors };
  return data({ ...(echo as Echo), ...failure }, { status: normalised.status });
}
