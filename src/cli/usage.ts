// A usage error: one line naming what is wrong, then the verb's usage; exit code 2.
export function usageError(verb: string, message: string, usage: string): number {
  console.error(`countersign ${verb}: ${message}\n\n${usage}`);
  return 2;
}
