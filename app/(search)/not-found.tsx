// The (search) layout already draws the masthead and footer, as the (site) layout does, so the
// reader site's not-found content serves here too. Without this file the root not-found (which
// draws the chrome itself) would be the boundary, and its copy of the whole chrome would ride
// along in every search response's payload.
export { default, metadata } from '../(site)/not-found';
