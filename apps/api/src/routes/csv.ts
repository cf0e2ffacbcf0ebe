/**
 * One CSV line. A cell a spreadsheet would run as a formula (starting = + - @, or a tab or
 * carriage return) is prefixed with a quote mark so it stays text (OWASP CSV injection).
 */
export function csvRow(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
