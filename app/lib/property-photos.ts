/** Limits of the photos of a property, shown on the form and enforced on the server. */
export const MAX_PHOTOS = 5;
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
