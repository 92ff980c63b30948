// The job summary of the verify step (GITHUB_STEP_SUMMARY through core.summary): the outcome
// in one line, a table of every check (check, result, expected, found), the subjects with
// their digests, who signed, and, when the release is blocked, what to do next. Every value
// that came from the bundle is HTML-escaped: the summary is rendered as HTML and a bundle is
// untrusted input.
import type { Policy } from '../lib/formats/policy/index.ts';
import type { CheckReport, VerificationReport } from '../lib/pipeline/report.ts';
import { nextSteps } from './next-steps.ts';

const RESULT_LABEL: Record<string, string> = {
  pass: '✅ pass',
  fail: '❌ fail',
  pending: '⏳ pending',
  skipped: '➖ skipped',
  'not-checked': '➖ not checked',
};
const OUTCOME_LABEL: Record<string, string> = {
  verified: '✅ verified: both signatures hold',
  rejected: '❌ rejected',
  'pending-countersign': '⏳ pending countersignature: not verified',
  error: '⚠️ could not verify',
};
/** Subjects listed in the summary; the rest are counted (the JSON report has them all). */
const MAX_SUBJECT_ROWS = 200;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'|`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** What the policy requires of each check, for the "expected" column of passing rows. */
function expectedOf(check: CheckReport, policy: Policy | undefined): string {
  if (check.expected !== undefined) return check.expected;
  if (!policy) return '';
  switch (check.check) {
    case 'parse':
      return `a countersign bundle v1 of at most ${policy.limits.maxBundleBytes} bytes`;
    case 'primary':
      return 'a Sigstore signature valid under the pinned trusted root';
    case 'primary-identity':
      return `${policy.primary.identity ?? `matching ${policy.primary.identityPattern}`} (issuer ${policy.primary.issuer})`;
    case 'countersignatures':
      return `${policy.threshold} organisation(s) among ${policy.countersigners.map((k) => `${k.name} (${k.organisation})`).join(', ')}`;
    case 'statement':
      return `kind ${policy.kinds.join(' | ')}, stream ${policy.streams.join(' | ')}, not expired`;
    case 'subjects':
      return 'every file a subject, every subject a file';
  }
}

function foundOf(check: CheckReport): string {
  if (check.found !== undefined) return check.code ? `${check.found} [${check.code}]: ${check.message}` : check.found;
  return check.code ? `[${check.code}] ${check.message}` : check.message;
}

function table(header: string[], rows: string[][]): string {
  const th = header.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n');
  return `<table>\n<tr>${th}</tr>\n${body}\n</table>\n`;
}

export interface SummaryContext {
  /** What was verified: a file path or release:TAG. */
  bundle: string;
  policy?: Policy;
  /** Set when verification could not run (outcome error). */
  error?: string;
}

export function renderSummary(report: VerificationReport, ctx: SummaryContext): string {
  const out: string[] = [];
  out.push(`## countersign verify: ${OUTCOME_LABEL[report.outcome] ?? report.outcome}\n`);
  const st = report.statement;
  out.push(
    `<p>Bundle <code>${escapeHtml(ctx.bundle)}</code>${st ? `: ${escapeHtml(st.kind)} <code>${escapeHtml(st.stream)}</code> version ${st.version}, statement <code>${escapeHtml(st.digest)}</code>, expires ${escapeHtml(st.expiresAt)}` : ''}</p>\n`,
  );
  if (ctx.error) out.push(`<p><strong>Error:</strong> ${escapeHtml(ctx.error)}</p>\n`);

  if (report.checks.length > 0) {
    out.push('### Checks\n');
    out.push(
      table(
        ['Check', 'Result', 'Expected', 'Found'],
        report.checks.map((c) => [
          escapeHtml(c.title),
          RESULT_LABEL[c.result] ?? c.result,
          escapeHtml(expectedOf(c, ctx.policy)),
          escapeHtml(foundOf(c)),
        ]),
      ),
    );
  }

  const advice =
    nextSteps(report) ??
    (ctx.error ? 'The step could not run: fix the input named in the error and run it again.' : undefined);
  if (advice) out.push(`### What to do next\n\n<p>${escapeHtml(advice)}</p>\n`);

  if (report.primary || report.countersigners) {
    out.push('### Who signed\n');
    const rows: string[][] = [];
    if (report.primary)
      rows.push([
        'Primary (Sigstore keyless)',
        `<code>${escapeHtml(report.primary.identity)}</code>`,
        `issuer <code>${escapeHtml(report.primary.issuer)}</code>`,
        escapeHtml(report.primary.time),
      ]);
    for (const s of report.countersigners?.signed ?? []) {
      rows.push([
        `Countersigner ${escapeHtml(s.name)}`,
        escapeHtml(s.organisation),
        `key <code>${escapeHtml(s.keyId)}</code>`,
        escapeHtml(s.signedAt),
      ]);
    }
    for (const m of report.countersigners?.missing ?? []) rows.push(['Countersigner (missing)', escapeHtml(m), '', '']);
    out.push(table(['Role', 'Identity / organisation', 'Issuer / key id', 'Time'], rows));
  }

  if (st && st.subjects.length > 0) {
    out.push(`### Subjects (${st.subjects.length})\n`);
    const shown = st.subjects.slice(0, MAX_SUBJECT_ROWS);
    out.push(
      table(
        ['Name', 'Digest'],
        shown.map((s) => [`<code>${escapeHtml(s.name)}</code>`, `<code>${escapeHtml(s.digest)}</code>`]),
      ),
    );
    if (st.subjects.length > shown.length)
      out.push(`<p>… and ${st.subjects.length - shown.length} more (see the JSON report).</p>\n`);
  }
  return out.join('\n');
}
