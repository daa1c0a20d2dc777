import * as z from 'zod';
import { lowerFirst } from '../text.ts';

/** Field builders the forms share, so the same question reads and fails the same way everywhere. */

export function planNumber() {
  return z
    .string({ error: 'Vui lòng nhập số kế hoạch.' })
    .trim()
    .min(1, { error: 'Vui lòng nhập số kế hoạch.' })
    .max(40, { error: 'Số kế hoạch dài tối đa 40 ký tự.' })
    .meta({ title: 'Số kế hoạch', description: 'Ví dụ: 12-KH/ĐTN' });
}

export function calendarDate(title: string) {
  // The message says the format: on a phone the placeholder is gone once something is typed.
  return z.iso.date({ error: `${title} không hợp lệ: nhập theo dạng dd/mm/yyyy.` }).meta({ title });
}

/** A whole number of things (meetings, members, visits), with the label in every message. */
export function countOf(label: string, max = 10_000) {
  const message = (issue: { input?: unknown }) =>
    issue.input === undefined ? `Vui lòng nhập: ${lowerFirst(label)}.` : `${label} phải là số nguyên không âm.`;
  return z
    .int({ error: message })
    .min(0, { error: `${label} không thể âm.` })
    .max(max, { error: `${label} quá lớn.` })
    .meta({ title: label });
}

function textOf(title: string, max: number) {
  return z
    .string({ error: `Vui lòng nhập: ${lowerFirst(title)}.` })
    .trim()
    .max(max, { error: `${title} dài tối đa ${max} ký tự.` });
}

/** Free text that must be given, at least `min` characters. */
export function text(title: string, { min, max }: { min: number; max: number }) {
  return textOf(title, max)
    .min(min, { error: min > 1 ? `${title} cần ít nhất ${min} ký tự.` : `Vui lòng nhập: ${lowerFirst(title)}.` })
    .meta({ title });
}

export function optionalText(title: string, max: number) {
  return textOf(title, max).optional().meta({ title });
}

/** The seven criteria's short titles (seed 002 II.B.2), as every Model A form heads them. */
export const MODEL_A_CRITERION_TITLES = {
  criterion1: 'Tiêu chí 1: Chấp hành pháp luật',
  criterion2: 'Tiêu chí 2: Hỗ trợ phát triển kinh tế, việc làm',
  criterion3: 'Tiêu chí 3: Thanh niên tình nguyện',
  criterion4: 'Tiêu chí 4: Phát triển đoàn viên, giới thiệu đoàn viên ưu tú',
  criterion5: 'Tiêu chí 5: Sinh hoạt, đoàn vụ, đoàn phí, Đại hội',
  criterion6: 'Tiêu chí 6: Văn hóa văn nghệ, thể dục thể thao',
  criterion7: 'Tiêu chí 7: Bí thư Chi đoàn',
} as const;
