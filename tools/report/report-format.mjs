// @ts-check
// Rows of a report as CSV, JSON or NDJSON. CSV columns come from the query's node selection (so that every
// row has the same columns, whatever it holds): nested objects become dotted columns; through a list, the
// items' values are joined by "; " (a client's program account numbers in one cell).

/**
 * The value at a path; through a list, every item's value joined by "; ".
 * @param {unknown} value
 * @param {string[]} path
 * @returns {unknown}
 */
export function valueAt(value, path) {
  if (Array.isArray(value))
    return value
      .map((item) => valueAt(item, path))
      .filter((cell) => cell !== null && cell !== undefined && cell !== '')
      .join('; ');
  if (!path.length) return value;
  if (value === null || typeof value !== 'object') return null;
  return valueAt(/** @type {Record<string, unknown>} */ (value)[path[0]], path.slice(1));
}

/**
 * A CSV cell (RFC 4180); text a spreadsheet would run as a formula is made inert with a leading quote.
 * @param {unknown} value
 */
export function csvCell(value) {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Streams rows in a format: CSV header once, then lines; JSON as one array; NDJSON one row a line. */
export class ReportWriter {
  /**
   * @param {'csv' | 'json' | 'ndjson'} format
   * @param {string[][]} columns paths of the CSV columns
   * @param {(chunk: string) => void} write
   */
  constructor(format, columns, write) {
    this.format = format;
    this.columns = columns;
    this.write = write;
    this.count = 0;
    if (format === 'csv') write(`${columns.map((c) => csvCell(c.join('.'))).join(',')}\r\n`);
  }

  /** @param {unknown[]} rows */
  add(rows) {
    for (const row of rows) {
      if (this.format === 'ndjson') this.write(`${JSON.stringify(row)}\n`);
      else if (this.format === 'json') this.write(`${this.count ? ',\n' : '[\n'}  ${JSON.stringify(row)}`);
      else this.write(`${this.columns.map((path) => csvCell(valueAt(row, path))).join(',')}\r\n`);
      this.count += 1;
    }
  }

  end() {
    if (this.format === 'json') this.write(this.count ? '\n]\n' : '[]\n');
  }
}
