/**
 * Asserting an error by its stable code (issue 17, STYLE.md "One error type with stable codes"): tests
 * check the code, and the file and line where the error has them, instead of matching Swedish text
 * that a wording fix may change. Each helper returns the error, for a test that also reads its message.
 */
import { expect } from "vitest";
import { type ErrorCode, LagesbildError } from "../../src/core/errors.ts";

export interface ErrorContext {
  file?: string;
  line?: number;
}

function check(error: unknown, code: ErrorCode, context: ErrorContext): LagesbildError {
  if (!(error instanceof LagesbildError)) {
    expect.fail(`expected a LagesbildError with code "${code}", got ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  }
  expect(error.code, `the error's code (message: ${error.message})`).toBe(code);
  if ("file" in context) expect(error.file, "the error's file").toBe(context.file);
  if ("line" in context) expect(error.line, "the error's line").toBe(context.line);
  return error;
}

/** Runs `fn` and asserts that it throws a LagesbildError with `code` (and `file`/`line` when given). */
export function expectLagesbildError(fn: () => unknown, code: ErrorCode, context: ErrorContext = {}): LagesbildError {
  let thrown: unknown = undefined;
  let threw = false;
  try {
    fn();
  } catch (e) {
    thrown = e;
    threw = true;
  }
  if (!threw) expect.fail(`expected a LagesbildError with code "${code}", but nothing was thrown`);
  return check(thrown, code, context);
}

/** The same for a promise: it must reject with a LagesbildError with `code`. */
export async function expectLagesbildRejection(promise: Promise<unknown>, code: ErrorCode, context: ErrorContext = {}): Promise<LagesbildError> {
  try {
    await promise;
  } catch (e) {
    return check(e, code, context);
  }
  return expect.fail(`expected a LagesbildError with code "${code}", but the promise resolved`);
}
