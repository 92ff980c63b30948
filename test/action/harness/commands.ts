// The runner's two command channels, as documented:
// - workflow commands on stdout, `::name key=value,...::data`, with the data escaped
//   (%25 %0D %0A) and property values also (%3A %2C) (actions/toolkit command.ts);
// - file commands: GITHUB_OUTPUT / GITHUB_ENV hold `name=value` lines or heredocs
//   `name<<DELIMITER` ... `DELIMITER` (the runner refuses a heredoc without its end line).
// https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions

export interface WorkflowCommand {
  name: string;
  properties: Record<string, string>;
  data: string;
}

const unescapeData = (s: string) => s.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%');
const unescapeProperty = (s: string) => unescapeData(s).replace(/%3A/gi, ':').replace(/%2C/gi, ',');

/** A workflow command, or undefined for an ordinary log line. */
export function parseCommand(line: string): WorkflowCommand | undefined {
  const m = /^::([A-Za-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
  if (!m) return undefined;
  const properties: Record<string, string> = {};
  for (const part of (m[2] ?? '').split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) properties[part.slice(0, eq).trim()] = unescapeProperty(part.slice(eq + 1));
  }
  return { name: m[1]!.toLowerCase(), properties, data: unescapeData(m[3]!) };
}

/** Parses a GITHUB_OUTPUT or GITHUB_ENV file; throws like the runner on a malformed one. */
export function parseFileCommand(text: string, file: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  if (lines.at(-1) === '') lines.pop();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    const heredoc = line.indexOf('<<');
    const eq = line.indexOf('=');
    if (heredoc > 0 && (eq < 0 || heredoc < eq)) {
      const name = line.slice(0, heredoc);
      const delimiter = line.slice(heredoc + 2);
      if (delimiter === '') throw new Error(`${file}: invalid format: empty delimiter for ${name}`);
      const value: string[] = [];
      for (i++; ; i++) {
        if (i >= lines.length) throw new Error(`${file}: invalid value: matching delimiter not found '${delimiter}'`);
        if (lines[i] === delimiter) break;
        value.push(lines[i]!);
      }
      out[name] = value.join('\n');
    } else if (eq > 0) {
      out[line.slice(0, eq)] = line.slice(eq + 1);
    } else {
      throw new Error(`${file}: invalid format ${JSON.stringify(line.slice(0, 80))}`);
    }
  }
  return out;
}
