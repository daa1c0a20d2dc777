/**
 * Which paths are the web app's own routes (served index.html, the client routes them) and which
 * are files. One rule for CloudFront (a viewer-request function) and the local app server, so a
 * missing file is a 404 in both and an API error is never turned into the app's page: the
 * distribution's error pages would apply to `/api/*` too, so they are not used.
 */
export const API_PREFIX = '/api/';

/** A path whose last segment has no dot is a route of the app (`/hoso/abc`), not a file (`/assets/a.js`). */
const CLIENT_ROUTE = /^\/(?:[^/]*\/)*[^/.]*$/;

export function isClientRoute(path: string): boolean {
  return !path.startsWith(API_PREFIX) && CLIENT_ROUTE.test(path);
}

/** The same rule as a CloudFront Function (cloudfront-js-2.0), run before the cache on the default behaviour. */
export const CLIENT_ROUTE_FUNCTION = `function handler(event) {
  var request = event.request;
  if (${CLIENT_ROUTE.toString()}.test(request.uri)) request.uri = '/index.html';
  return request;
}`;
