/**
 * What a caught value says about itself. `catch (e)` gives `unknown`: usually an Error, an
 * operating-system error with a `code` (ENOENT, EACCES, EEXIST), but a library or a bug may throw
 * anything. These read the message and the code without telling the compiler to trust a guess.
 */

/** The error's message, or the thrown value as text when it is no Error. */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The operating system's (or Node's) error code, such as "ENOENT"; undefined when there is none. */
export function errorCode(e: unknown): string | undefined {
  return typeof e === "object" && e !== null && "code" in e && typeof e.code === "string" ? e.code : undefined;
}
