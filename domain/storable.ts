import type { FieldIssue } from './errors.ts';

/**
 * What free-form data (a draft) may hold so that the database can store it and a page can show it:
 * DynamoDB nests 32 levels at most, has no Infinity, rejects empty attribute names and numbers
 * below 1e-130, and the SDK refuses integers past 2^53. Refused here, with the field named, instead
 * of failing deep in a write as a 500.
 */
export const STORABLE = { depth: 16, keyLength: 100, stringLength: 10_000, smallest: 1e-9 } as const;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function storableIssues(value: unknown, path: string, depth = 0): FieldIssue[] {
  if (depth > STORABLE.depth) return [{ field: path, message: `Dữ liệu lồng quá sâu (tối đa ${STORABLE.depth} cấp).` }];
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || Math.abs(value) > Number.MAX_SAFE_INTEGER) return [{ field: path, message: 'Số quá lớn.' }];
    if (value !== 0 && Math.abs(value) < STORABLE.smallest) return [{ field: path, message: 'Số quá nhỏ.' }];
    return [];
  }
  if (typeof value === 'string') return value.length > STORABLE.stringLength ? [{ field: path, message: `Nội dung dài quá ${STORABLE.stringLength.toLocaleString('vi-VN')} ký tự.` }] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => storableIssues(item, `${path}.${index}`, depth + 1));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) => {
      if (key === '' || key.length > STORABLE.keyLength || FORBIDDEN_KEYS.has(key)) return [{ field: path, message: `Tên mục "${key.slice(0, 40)}" không hợp lệ.` }];
      return storableIssues(child, `${path}.${key}`, depth + 1);
    });
  }
  return [];
}
