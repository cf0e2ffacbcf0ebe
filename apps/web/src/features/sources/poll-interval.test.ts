import { expect, test } from 'vitest';
import {
  formatInterval,
  minutesInputValue,
  minutesToSeconds,
  parseMinutes,
  secondsToMinutes,
} from './poll-interval.ts';

test('minutes and seconds convert both ways, half minutes included', () => {
  expect(minutesToSeconds(5)).toBe(300);
  expect(minutesToSeconds(0.5)).toBe(30);
  expect(secondsToMinutes(90)).toBe(1.5);
  expect(minutesToSeconds(secondsToMinutes(450))).toBe(450);
});

test('an interval is shown in minutes, never in seconds', () => {
  expect(formatInterval(300)).toBe('5 min');
  expect(formatInterval(30)).toBe('0.5 min');
  expect(formatInterval(86_400)).toBe('1,440 min');
  expect(formatInterval(45)).toBe('0.75 min');
  expect(minutesInputValue(90)).toBe('1.5');
  expect(minutesInputValue(100)).toBe('1.67');
});

test('typed minutes become whole seconds, with a decimal point or comma', () => {
  expect(parseMinutes('5')).toEqual({ ok: true, seconds: 300 });
  expect(parseMinutes(' 0.5 ')).toEqual({ ok: true, seconds: 30 });
  expect(parseMinutes('1,5')).toEqual({ ok: true, seconds: 90 });
  expect(parseMinutes('1440')).toEqual({ ok: true, seconds: 86_400 });
});

test('minutes outside what the server allows are refused with what to type instead', () => {
  expect(parseMinutes('')).toEqual({ ok: false, message: 'Enter how often to check, in minutes' });
  expect(parseMinutes('often')).toMatchObject({ ok: false, message: /number of minutes/ });
  expect(parseMinutes('0.25')).toMatchObject({ ok: false, message: /half minute/ });
  expect(parseMinutes('0')).toMatchObject({ ok: false, message: /half minute/ });
  expect(parseMinutes('1441')).toMatchObject({ ok: false, message: /once a day/ });
});
