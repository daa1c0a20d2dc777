import yauzl from 'yauzl';
import { ValidationError } from '../../../domain/errors.ts';

/**
 * An .xlsx is a zip. Before ExcelJS inflates it whole into memory, this walks every entry with
 * yauzl, which stops any entry that inflates past the size it declares: a 2 MB upload cannot
 * become gigabytes (a zip bomb) and take the function down with it.
 */
export const ZIP_BOUNDS = { entries: 500, totalBytes: 64 * 1024 * 1024 } as const;

const tooBig = () =>
  new ValidationError('Tệp Excel quá lớn khi giải nén. Hãy xoá các trang, hình ảnh và dòng thừa rồi thử lại.', [
    { field: 'content', message: `Nội dung giải nén vượt ${ZIP_BOUNDS.totalBytes / 1024 / 1024} MB.` },
  ]);
const unreadable = () => new ValidationError('Không đọc được tệp Excel. Hãy lưu lại tệp dạng .xlsx rồi thử lại.', [{ field: 'content', message: 'Tệp bị hỏng.' }]);

export async function checkZipBounds(bytes: Buffer): Promise<void> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true }, (error, file) => (error || !file ? reject(unreadable()) : resolve(file))),
  );
  let entries = 0;
  let total = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', () => reject(unreadable()));
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        entries++;
        total += entry.uncompressedSize;
        if (entries > ZIP_BOUNDS.entries || total > ZIP_BOUNDS.totalBytes) return reject(tooBig());
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        // Inflating counts the real bytes: yauzl fails the stream if they exceed the declared size.
        zip.openReadStream(entry, (error, stream) => {
          if (error || !stream) return reject(unreadable());
          stream.on('error', (streamError) => reject(/too many bytes/i.test(streamError.message) ? tooBig() : unreadable()));
          stream.on('end', () => zip.readEntry());
          stream.resume();
        });
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
}
