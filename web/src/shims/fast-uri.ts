/**
 * rjsf resolves `$ref`s and compares `$id`s with fast-uri (a full RFC 3986 library, 10 KB on the
 * wire). The forms' schemas are generated from zod with every definition inlined: no `$ref`, no
 * `$id`. This is enough for that, and keeps the form page's JavaScript within its budget.
 */
function resolve(base: string | undefined, reference: string): string {
  try {
    return new URL(reference, base || 'urn:schema:/').href;
  } catch {
    return reference;
  }
}

const equal = (a: unknown, b: unknown) => String(a) === String(b);

export default { resolve, equal };
