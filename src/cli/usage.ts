// A usage error: one line naming what is wrong and where the help is; exit code 2.
export function usageError(verb: string, message: string): number {
  console.error(`countersign ${verb}: ${message} (see 'countersign ${verb} --help')`);
  return 2;
}
