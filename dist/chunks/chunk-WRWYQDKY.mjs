import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);

// src/cli/usage.ts
function usageError(verb, message, usage) {
  console.error(`countersign ${verb}: ${message}

${usage}`);
  return 2;
}

export {
  usageError
};
