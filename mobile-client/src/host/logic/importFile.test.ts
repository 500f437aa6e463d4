import { expect, test } from 'vitest';
import { importContentType, progressPercent } from './importFile';

test('content type from the file name', () => {
  expect(importContentType('名单.XLSX')).toContain('spreadsheetml');
  expect(importContentType('people.csv')).toBe('text/csv');
  expect(importContentType('people')).toBe('application/octet-stream');
});

test('progress: indeterminate while reading, a percentage while storing, full when done', () => {
  const p = { eventId: 'e', phase: 'reading' as const, done: 10, total: null };
  expect(progressPercent(null)).toBeNull();
  expect(progressPercent(p)).toBeNull();
  expect(progressPercent({ ...p, phase: 'storing', done: 250, total: 1000 })).toBe(25);
  expect(progressPercent({ ...p, phase: 'done', done: 998, total: 1000 })).toBe(100);
});
