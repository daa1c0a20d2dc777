import { describe, expect, it } from 'vitest';
import { countOf, text } from '../../domain/forms/fields.ts';
import { lowerFirst } from '../../domain/text.ts';

describe('labels inside sentences', () => {
  it.each([
    ['Số lần sinh hoạt Chi đoàn trong năm', 'số lần sinh hoạt Chi đoàn trong năm'],
    ['Đoàn phí đã thu', 'Đoàn phí đã thu'],
    ['Đảng ủy xã cho ý kiến', 'Đảng ủy xã cho ý kiến'],
    ['Nhà nước hỗ trợ', 'Nhà nước hỗ trợ'],
    ['Đoạn văn', 'đoạn văn'],
  ])('"%s" reads "%s" after "Vui lòng nhập:"', (label, phrase) => {
    expect(lowerFirst(label)).toBe(phrase);
  });

  it('keeps Đảng, Đoàn and Nhà nước capitalised in the messages built from field labels', () => {
    // Act
    const number = countOf('Đoàn viên được giới thiệu cho Đảng').safeParse(undefined);
    const opinion = text('Ý kiến của Đảng ủy, chính quyền và Nhà nước', { min: 1, max: 100 }).safeParse('');

    // Assess
    expect(number.error?.issues[0]?.message).toBe('Vui lòng nhập: Đoàn viên được giới thiệu cho Đảng.');
    expect(opinion.error?.issues[0]?.message).toBe('Vui lòng nhập: ý kiến của Đảng ủy, chính quyền và Nhà nước.');
  });
});
