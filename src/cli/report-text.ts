// The short human report of `countersign verify`: one line per check, then who signed.
import type { VerificationReport } from '../lib/pipeline/report.ts';

const MARK = { pass: 'ok  ', fail: 'FAIL', pending: 'WAIT', skipped: 'skip', 'not-checked': '--  ' } as const;
const HEADLINE = {
  verified: 'VERIFIED',
  rejected: 'REJECTED',
  'pending-countersign': 'PENDING COUNTERSIGNATURE',
  error: 'ERROR',
} as const;

export function formatReport(report: VerificationReport, what: string): string {
  const lines = [`${HEADLINE[report.outcome]}: ${what}`];
  const width = Math.max(...report.checks.map((c) => c.check.length));
  for (const c of report.checks) {
    lines.push(
      `  ${MARK[c.result]} ${c.check.padEnd(width)}  ${c.code && c.result !== 'pass' ? `[${c.code}] ` : ''}${c.message}`,
    );
    if (c.result === 'fail' || c.result === 'pending') {
      if (c.expected !== undefined) lines.push(`       ${''.padEnd(width)}  expected: ${c.expected}`);
      if (c.found !== undefined) lines.push(`       ${''.padEnd(width)}  found:    ${c.found}`);
    }
  }
  if (report.statement) {
    const s = report.statement;
    lines.push(
      `  statement ${s.digest}: ${s.kind} ${s.stream} v${s.version}, ${s.subjects.length} subject(s), expires ${s.expiresAt}`,
    );
  }
  if (report.primary) lines.push(`  signed by ${report.primary.identity} (issuer ${report.primary.issuer})`);
  for (const c of report.countersigners?.signed ?? [])
    lines.push(`  countersigned by ${c.organisation}: ${c.name} ${c.keyId} at ${c.signedAt}`);
  const cs = report.countersigners;
  if (cs) {
    // m-of-n at a glance: which organisations signed and which did not (spec/FORMAT.md §7 step 4).
    const needed = cs.threshold === undefined ? '' : ` (${cs.organisations.length} of ${cs.threshold} required)`;
    lines.push(
      `  organisations signed: ${cs.organisations.join(', ') || 'none'}${needed}; missing: ${cs.missing.join(', ') || 'none'}`,
    );
    if (cs.authorisedBy === 'fallback')
      lines.push(`  authorised by the emergency fallback signer set: ${(cs.fallbackOrganisations ?? []).join(', ')}`);
  }
  if (report.rotation) {
    const r = report.rotation;
    lines.push(
      `  rotation: policy version ${r.fromVersion} -> ${r.toVersion} (${r.policyDigest})${r.addedKeys.length ? `, added keys proved: ${r.addedKeys.join(', ')}` : ''}; apply it with 'countersign policy update'`,
    );
  }
  if (report.outcome === 'pending-countersign')
    lines.push('  next: have a pinned countersigner run `countersign countersign` on this bundle');
  return lines.join('\n');
}
