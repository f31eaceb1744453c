import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The text of a PDF as poppler's pdftotext reads it (apt-get install poppler-utils). */
export async function pdfText(pdf: Buffer, dir: string, name = 'report.pdf'): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, pdf);
  const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']);
  return stdout;
}

/** pdfinfo's fields (Pages, Page size, ...). */
export async function pdfInfo(
  pdf: Buffer,
  dir: string,
  name = 'info.pdf',
): Promise<Record<string, string>> {
  const file = join(dir, name);
  await writeFile(file, pdf);
  const { stdout } = await run('pdfinfo', [file]);
  return Object.fromEntries(
    stdout
      .split('\n')
      .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
      .filter((match) => match !== null)
      .map((match) => [match[1]!, match[2]!]),
  );
}
