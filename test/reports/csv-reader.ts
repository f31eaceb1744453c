/**
 * An RFC 4180 reader for the tests: fields split on commas, quoted fields may
 * hold commas, doubled quotes and line breaks; records end with CRLF.
 */
export function readCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"' && field === '') {
      quoted = true;
    } else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 1;
    } else {
      field += ch;
    }
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** The sections of a report CSV: each a title, a header row and rows, split on the blank lines. */
export function csvSections(
  records: string[][],
): Map<string, { header: string[]; rows: string[][] }> {
  const sections = new Map<string, { header: string[]; rows: string[][] }>();
  let current: string[][] = [];
  const flush = () => {
    const [title, header, ...rows] = current;
    if (title && header) sections.set(title[0]!, { header, rows });
    current = [];
  };
  for (const record of records) {
    if (record.length === 1 && record[0] === '') flush();
    else current.push(record);
  }
  flush();
  return sections;
}
