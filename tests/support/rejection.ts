/** The error a use case throws (an AppError with its code, French message and field errors); fails if it does not throw. */
export async function rejection(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; message: string; fieldErrors: Record<string, string[]> };
  }
  throw new Error('expected a refusal');
}
