export * from './render-report-pdf.ts';
