/** Vietnamese text without its marks, for matching and for names in files and ids. */

/** "Đoàn xã Tân Phú Đông" → "doan xa tan phu dong": "phu thuan" then finds "Phú Thuận". */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

/** "Đoàn xã Tân Phú Đông" → "doan-xa-tan-phu-dong": safe in a file name or an id. */
export function slugOf(text: string): string {
  return foldForSearch(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Names that keep their capitals inside a sentence: the Party, the Union, the State, its bodies. */
const PROPER_START = /^(Đảng|Đoàn|Nhà nước|Chi đoàn|Chi hội|Hội|Ban|Bí thư|Mặt trận|Hồ Chí Minh|Đại hội)(?![\p{L}])/u;

/**
 * A label made part of a sentence ("Vui lòng nhập: …"): its first letter lowered, unless it
 * begins with a name that keeps its capital ("Đoàn phí", "Đảng ủy"); the rest left as written.
 */
export function lowerFirst(label: string): string {
  if (PROPER_START.test(label)) return label;
  return label.charAt(0).toLocaleLowerCase('vi') + label.slice(1);
}
