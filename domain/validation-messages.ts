import type * as z from 'zod';

/**
 * Zod's messages in the words a commune secretary uses. Zod's own Vietnamese locale leaves the type
 * names in English ("mong đợi string, nhận được số") and shows regular expressions; a person reading
 * a refusal needs to know what to type instead. Schemas that word their own message keep it.
 */
const KINDS: Record<string, string> = {
  string: 'chữ',
  number: 'số',
  int: 'số nguyên',
  bigint: 'số nguyên',
  nan: 'số',
  boolean: 'lựa chọn có/không',
  array: 'danh sách',
  object: 'nhóm thông tin',
  record: 'nhóm thông tin',
  date: 'ngày',
  null: 'giá trị trống',
  undefined: 'giá trị trống',
  file: 'tệp',
};

const FORMATS: Record<string, string> = {
  email: 'địa chỉ e-mail',
  date: 'ngày (năm-tháng-ngày)',
  datetime: 'ngày giờ',
  time: 'giờ',
  url: 'địa chỉ trang web',
  uuid: 'mã',
};

const UNITS: Record<string, string> = { string: 'ký tự', array: 'mục', set: 'mục', file: 'byte' };

function kindOf(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isNaN(value)) return 'nan';
  return typeof value;
}

function shown(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : String(value);
}

function numberText(value: unknown): string {
  return typeof value === 'number' || typeof value === 'bigint' ? Number(value).toLocaleString('vi-VN') : String(value);
}

export function vietnameseMessage(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return 'Chưa điền mục này.';
      if (issue.expected === 'int' && typeof issue.input === 'number') return 'Cần số nguyên, không có phần thập phân.';
      const expected = KINDS[issue.expected] ?? 'giá trị khác';
      const received = KINDS[kindOf(issue.input)] ?? 'giá trị khác';
      return `Cần ${expected}, không phải ${received}.`;
    }
    case 'invalid_value':
      if (issue.values.length === 1 && issue.values[0] === true) return 'Cần đánh dấu mục này.';
      if (issue.values.length === 1) return `Chỉ nhận giá trị ${shown(issue.values[0])}.`;
      return `Chỉ nhận một trong các giá trị: ${issue.values.map(shown).join(', ')}.`;
    case 'too_big': {
      const unit = UNITS[issue.origin ?? ''];
      const limit = numberText(issue.maximum);
      if (unit) return `Nhiều nhất ${limit} ${unit}.`;
      return issue.inclusive ? `Không được lớn hơn ${limit}.` : `Phải nhỏ hơn ${limit}.`;
    }
    case 'too_small': {
      const unit = UNITS[issue.origin ?? ''];
      const limit = numberText(issue.minimum);
      if (unit) return Number(issue.minimum) === 1 ? 'Chưa điền mục này.' : `Ít nhất ${limit} ${unit}.`;
      return issue.inclusive ? `Không được nhỏ hơn ${limit}.` : `Phải lớn hơn ${limit}.`;
    }
    case 'invalid_format':
      return FORMATS[issue.format] ? `Chưa đúng dạng ${FORMATS[issue.format]}.` : 'Chưa đúng định dạng.';
    case 'not_multiple_of':
      return `Phải là bội số của ${numberText(issue.divisor)}.`;
    case 'unrecognized_keys':
      return `Mục không có trong biểu mẫu: ${issue.keys.map((key) => `"${key.slice(0, 40)}"`).join(', ')}.`;
    case 'invalid_key':
      return 'Tên mục không hợp lệ.';
    case 'invalid_element':
      return 'Có giá trị không hợp lệ trong danh sách.';
    default:
      return 'Giá trị không hợp lệ.';
  }
}
