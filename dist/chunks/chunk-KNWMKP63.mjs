import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);

// src/cli/usage.ts
function usageError(verb, message) {
  console.error(`countersign ${verb}: ${message} (see 'countersign ${verb} --help')`);
  return 2;
}

export {
  usageError
};
