// Secrets are registered with the runner's masker (`::add-mask::`, core.setSecret) before
// anything could print them. The runner masks exact occurrences of a registered value, so a
// multi-line secret (a PEM key) is also registered line by line: a log line that held one
// line of it would otherwise go unmasked.
import * as core from '@actions/core';

/** Lines shorter than this are not registered alone (PEM armour lines are not secret, and masking "-----" would garble logs). */
const MIN_MASKED_LINE = 8;

export function maskSecret(value: string): void {
  if (value.trim() === '') return;
  core.setSecret(value);
  const lines = value.split(/\r?\n/).map((l) => l.trim());
  if (lines.length < 2) return;
  for (const line of lines) {
    if (line.length >= MIN_MASKED_LINE && !line.startsWith('-----')) core.setSecret(line);
  }
}
