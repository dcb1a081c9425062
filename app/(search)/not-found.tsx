// The (search) layout already draws the masthead and footer, as the (site) layout does, so the
// reader site's not-found content serves here too.
export { default, metadata } from '../(site)/not-found';
