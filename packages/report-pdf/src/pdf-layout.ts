import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

const fonts = createRequire(import.meta.url);
/** DejaVu Sans, embedded (subset) so the report reads the same on any machine, £ and – included. */
export const FONT_REGULAR = fonts.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
export const FONT_BOLD = fonts.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

export const NHS_BLUE = '#005eb8';
export const GREY = '#4c6272';
const MARGIN = 48;

export type Doc = PDFKit.PDFDocument;

export function createDocument(title: string): Doc {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: title, Author: 'Barometer', Creator: 'Barometer' },
    bufferPages: true,
  });
  doc.registerFont('regular', FONT_REGULAR);
  doc.registerFont('bold', FONT_BOLD);
  doc.font('regular').fontSize(10).fillColor('#212b32');
  return doc;
}

export function contentWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

/** Starts a new page when fewer than `height` points are left, so a block is never split. */
export function keepTogether(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

export function heading(doc: Doc, text: string, size = 14): void {
  keepTogether(doc, size * 4);
  doc.moveDown(0.6).font('bold').fontSize(size).fillColor(NHS_BLUE).text(text);
  doc.moveDown(0.3).font('regular').fontSize(10).fillColor('#212b32');
}

export function paragraph(doc: Doc, text: string, options: { muted?: boolean } = {}): void {
  doc
    .font('regular')
    .fontSize(options.muted ? 9 : 10)
    .fillColor(options.muted ? GREY : '#212b32')
    .text(text, { width: contentWidth(doc) });
  doc.fillColor('#212b32').moveDown(0.3);
}

/** A plain table: the first column takes what the numeric columns leave. */
export function table(doc: Doc, header: string[], rows: string[][]): void {
  const width = contentWidth(doc);
  const numeric = 70;
  const first = width - numeric * (header.length - 1);
  const x0 = doc.page.margins.left;
  const line = (cells: string[], bold: boolean) => {
    keepTogether(doc, 18);
    const y = doc.y;
    doc.font(bold ? 'bold' : 'regular').fontSize(9);
    let height = 0;
    cells.forEach((cell, i) => {
      const x = i === 0 ? x0 : x0 + first + numeric * (i - 1);
      const w = i === 0 ? first - 6 : numeric;
      doc.text(cell, x, y, { width: w, align: i === 0 ? 'left' : 'right' });
      height = Math.max(height, doc.y - y);
    });
    doc.y = y + height + 3;
    doc
      .moveTo(x0, doc.y - 1.5)
      .lineTo(x0 + width, doc.y - 1.5)
      .strokeColor('#d8dde0')
      .lineWidth(0.5)
      .stroke();
  };
  line(header, true);
  for (const row of rows) line(row, false);
  doc.x = x0;
  doc.font('regular').fontSize(10).moveDown(0.3);
}

/** Vertical bars with labels under them: the 12-week volume. */
export function barChart(doc: Doc, bars: { label: string; value: number }[], height = 120): void {
  keepTogether(doc, height + 40);
  const width = contentWidth(doc);
  const x0 = doc.page.margins.left;
  const top = doc.y + 4;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const slot = width / Math.max(1, bars.length);
  doc.fontSize(7).fillColor(GREY);
  bars.forEach((b, i) => {
    const h = (b.value / max) * height;
    const x = x0 + i * slot + slot * 0.15;
    doc.rect(x, top + height - h, slot * 0.7, h).fill('#41b6e6');
    doc
      .fillColor('#212b32')
      .text(String(b.value), x, top + height - h - 10, { width: slot * 0.7, align: 'center' });
    doc
      .fillColor(GREY)
      .text(b.label, x - slot * 0.15, top + height + 3, { width: slot, align: 'center' });
  });
  doc.x = x0;
  doc.y = top + height + 18;
  doc.fontSize(10).fillColor('#212b32');
}

/** "Page 2 of 3" on every page, once the whole report is laid out. */
export function numberPages(doc: Doc, footer: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing inside the bottom margin would make pdfkit start a new page: lift it meanwhile.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const bottom = doc.page.height - margin + 16;
    doc
      .font('regular')
      .fontSize(8)
      .fillColor(GREY)
      .text(`${footer} · page ${i + 1} of ${range.count}`, doc.page.margins.left, bottom, {
        width: contentWidth(doc),
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = margin;
  }
}

export function toBuffer(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
