/** A photo's long edge after shrinking: a page of minutes stays legible at 2000 px. */
export const LONG_EDGE = 2000;
/** Photos smaller than this are sent as they are. */
const SMALL_ENOUGH = 1024 * 1024;

/**
 * A phone photo of the minutes is 3–8 MB; shrunk to a 2000 px long edge as JPEG it is a few
 * hundred KB, which a rural connection sends in seconds and the bill stores for less. PDFs, small
 * images and anything the browser cannot draw go as they are.
 */
export async function shrinkPhoto(file: File): Promise<{ file: File; shrunkFrom?: number }> {
  if (!/^image\/(jpeg|png)$/.test(file.type) || file.size <= SMALL_ENOUGH || typeof createImageBitmap !== 'function') return { file };
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, LONG_EDGE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    const context = canvas.getContext('2d');
    if (!context) return { file };
    // White under a transparent PNG: JPEG has no transparency.
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const blob = await new Promise<Blob | null>((done) => canvas.toBlob(done, 'image/jpeg', 0.85));
    if (!blob || blob.size >= file.size) return { file };
    const name = file.name.replace(/\.(png|jpe?g)$/i, '') + '.jpg';
    return { file: new File([blob], name, { type: 'image/jpeg' }), shrunkFrom: file.size };
  } catch {
    return { file };
  }
}
