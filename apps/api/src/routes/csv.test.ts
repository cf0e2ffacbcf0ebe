import { describe, expect, test } from 'vitest';
import { csvCell, csvRow } from './csv.ts';

describe('a CSV cell', () => {
  test('that a spreadsheet would run as a formula stays text', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  test('with a comma, quote or line break is quoted', () => {
    expect(csvRow(['a,b', 'say "hi"', 'two\nlines'])).toBe('"a,b","say ""hi""","two\nlines"\r\n');
    expect(csvRow(['plain'])).toBe('plain\r\n');
  });
});
