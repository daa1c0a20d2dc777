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
