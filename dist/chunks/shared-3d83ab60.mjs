// Shared by: cli-audit, cli-countersign, cli-serve (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);

// src/lib/formats/service/api.ts
var API = {
  countersign: "/v1/countersign",
  checkpoint: "/v1/log/checkpoint",
  entries: "/v1/log/entries",
  inclusion: "/v1/log/proof/inclusion",
  consistency: "/v1/log/proof/consistency",
  key: "/v1/log/key",
  health: "/healthz",
  metrics: "/metrics"
};
var MAX_REQUEST_BYTES = 1024 * 1024;
var MAX_ENTRIES_PER_PAGE = 100;

export {
  API,
  MAX_REQUEST_BYTES,
  MAX_ENTRIES_PER_PAGE
};
